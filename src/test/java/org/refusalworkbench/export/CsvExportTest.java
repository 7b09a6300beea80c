package org.refusalworkbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.refusalworkbench.labelfile.LabelProject;

class CsvExportTest {

    @TempDir
    Path folder;

    @Test
    void oneRowPerLabelAndAdjudicationWithOneColumnPerOption() throws Exception {
        try (LabelProject project = new LabelProject(folder, "p", LabelProject.LABELLED)) {
            List<Map<String, String>> rows = rows(project.export("labels.csv",
                    ExportOptions.everything(ExportFormat.CSV)));

            assertThat(rows).hasSize(7 + 2);
            assertThat(rows.get(0).keySet()).startsWith("record", "response_id", "prompt_id", "model", "sample",
                    "person", "response_type.full_compliance").contains("refusal_quality.no_boilerplate",
                    "user_intent.harmful", "intent_note", "seconds_spent");
            assertThat(rows).filteredOn(row -> row.get("record").equals("adjudication")).hasSize(2)
                    .allSatisfy(row -> assertThat(row.get("person")).isEqualTo("lead"));
            Map<String, String> overRefusal = rows.stream().filter(row -> "keyword".equals(row.get("note")))
                    .findFirst().orElseThrow();
            assertThat(overRefusal.get("refusal_type.over_refusal")).isEqualTo("1");
            assertThat(overRefusal.get("refusal_type.safety_policy")).isEqualTo("0");
            assertThat(overRefusal.get("user_intent.benign")).isEqualTo("1");
            assertThat(overRefusal.get("intent_note")).isEqualTo("sysadmin");
        }
    }

    /**
     * The labels were imported: ann-2 was never asked failure modes or refusal quality (never ticked one), so those
     * cells are blank rather than 0, while ann-1, who used every checkbox group, gets 0 where nothing was ticked.
     */
    @Test
    void checkboxGroupsAnImportedPersonWasNeverAskedAreBlankNotZero() throws Exception {
        try (LabelProject project = new LabelProject(folder, "p", LabelProject.LABELLED)) {
            List<Map<String, String>> rows = rows(project.export("labels.csv",
                    ExportOptions.everything(ExportFormat.CSV)));

            Map<String, String> second = rows.stream().filter(row -> row.get("person").equals("ann-2")
                    && row.get("response_type.full_compliance").equals("1")).findFirst().orElseThrow();
            assertThat(second.get("failure_modes.refusal_leakage")).isEmpty();
            assertThat(second.get("refusal_quality.clear")).isEmpty();
            assertThat(second.get("refusal_type.safety_policy")).isEqualTo("0");
            Map<String, String> first = rows.stream().filter(row -> row.get("person").equals("ann-1")
                    && row.get("response_type.full_compliance").equals("1")).findFirst().orElseThrow();
            assertThat(first.get("failure_modes.refusal_leakage")).isEqualTo("0");
            assertThat(first.get("refusal_quality.clear")).isEqualTo("0");
            assertThat(rows).filteredOn(row -> row.get("person").equals("lead"))
                    .allSatisfy(row -> assertThat(row.get("refusal_quality.clear")).isEmpty());
        }
    }

    @Test
    void cellsThatWouldRunAsFormulasAreWrittenAsText() throws Exception {
        String hostile = LabelProject.LABELLED
                .replace("\"note\": \"keyword\"", "\"note\": \"=HYPERLINK(\\\"http://x\\\",\\\"click\\\")\"")
                .replace("\"ann-2\"", "\"@ann-2\"")
                .replace("\"m-b\"", "\"-m-b\"");
        try (LabelProject project = new LabelProject(folder, "p", hostile)) {
            Path file = project.export("labels.csv", ExportOptions.everything(ExportFormat.CSV));
            List<Map<String, String>> rows = rows(file);

            assertThat(rows).extracting(row -> row.get("note")).contains("'=HYPERLINK(\"http://x\",\"click\")");
            assertThat(rows).extracting(row -> row.get("person")).contains("'@ann-2").doesNotContain("@ann-2");
            assertThat(rows).extracting(row -> row.get("model")).contains("'-m-b").doesNotContain("-m-b");
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContainPattern("(^|,)[=+\\-@]");
        }
    }

    private static List<Map<String, String>> rows(Path file) throws Exception {
        CsvMapper csv = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            return rows.readAll();
        }
    }
}
