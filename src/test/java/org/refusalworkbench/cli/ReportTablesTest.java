package org.refusalworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.labelfile.LabelProject;

/** {@code report agreement --csv} and {@code report calibration --csv}: the JSON's figures, one row each. */
class ReportTablesTest {

    private static final String THREE_ANNOTATORS = """
            {"prompt_id": "p1", "prompt": "a", "prompt_label": "safe", "model": "m", "response": "r1", "labels": {"x": {"selections": {"response_type": ["full_compliance"]}}, "y": {"selections": {"response_type": ["full_compliance"]}}, "z": {"selections": {"response_type": ["full_refusal"]}}}}
            {"prompt_id": "p2", "prompt": "b", "prompt_label": "unsafe", "model": "m", "response": "r2", "labels": {"x": {"selections": {"response_type": ["full_refusal"]}}, "y": {"selections": {"response_type": ["full_refusal"]}}, "z": {"selections": {"response_type": ["full_refusal"]}}}}
            {"prompt_id": "p3", "prompt": "c", "prompt_label": "unsafe", "model": "m", "response": "r3", "labels": {"x": {"selections": {"response_type": ["full_compliance"]}}, "y": {"selections": {"response_type": ["full_refusal"]}}, "z": {"selections": {"response_type": ["full_compliance"]}}}}
            """;

    @TempDir
    Path folder;

    @Test
    void everyAgreementFigureOfTheJsonIsOneRowOfTheLongTable() throws Exception {
        new LabelProject(folder, "p", LabelProject.LABELLED).close();
        Path project = folder.resolve("p.db");
        JsonNode json = JsonMapper.builder().build().readTree(run("report", "agreement", project.toString(),
                "--json").out());
        List<Map<String, String>> rows = csv(run("report", "agreement", project.toString(), "--csv").out());

        assertThat(rows).isNotEmpty();
        int compared = 0;
        for (Map<String, String> row : rows.stream().filter(r -> r.get("section").equals("agreement")).toList()) {
            JsonNode group = json.get("groups").get(row.get("group"));
            JsonNode measured = row.get("option").isEmpty() ? group : group.get("options").get(row.get("option"));
            JsonNode coefficient = measured.get(row.get("metric"));
            assertThat(coefficient).as(row.toString()).isNotNull();
            assertThat(cell(row.get("value"))).as(row.toString()).isEqualTo(number(coefficient.get("value")));
            assertThat(cell(row.get("ci_low"))).isEqualTo(coefficient.get("ci95").isNull() ? null
                    : coefficient.get("ci95").get(0).asDouble());
            assertThat(Long.parseLong(row.get("n"))).isEqualTo(measured.get("units").asLong());
            compared++;
        }
        assertThat(compared).isGreaterThan(10);
        assertThat(rows).anyMatch(r -> r.get("section").equals("pairwise") && r.get("annotator").equals("ann-1")
                && r.get("other").equals("ann-2") && r.get("metric").equals("cohen_kappa"));
        assertThat(rows).anyMatch(r -> r.get("section").equals("annotator_vs_gold") && r.get("other").equals("gold"));
        // Two annotators: the kappa is Cohen's and says so; no bare "kappa" anywhere.
        assertThat(rows).noneMatch(r -> r.get("metric").equals("kappa") || r.get("metric").equals("fleiss_kappa"));
        assertThat(json.get("groups").get("response_type").has("cohen_kappa")).isTrue();
    }

    @Test
    void withThreeAnnotatorsTheKappaIsFleissAndItsKeySaysSo() throws Exception {
        new LabelProject(folder, "three", THREE_ANNOTATORS).close();
        Path project = folder.resolve("three.db");
        JsonNode json = JsonMapper.builder().build().readTree(run("report", "agreement", project.toString(),
                "--json").out());

        JsonNode responseType = json.get("groups").get("response_type");
        assertThat(responseType.has("fleiss_kappa")).isTrue();
        assertThat(responseType.has("cohen_kappa")).isFalse();
        assertThat(responseType.has("kappa")).isFalse();
    }

    @Test
    void calibrationRatesAreRowsWithTheirCountsAndWilsonBounds() throws Exception {
        new LabelProject(folder, "p", LabelProject.LABELLED).close();
        Path project = folder.resolve("p.db");
        JsonNode json = JsonMapper.builder().build().readTree(run("report", "calibration", project.toString(),
                "--json").out());
        CliRun csv = run("report", "calibration", project.toString(), "--csv");
        List<Map<String, String>> rows = csv(csv.out());

        assertThat(csv.out()).startsWith("model,subset,rate,count,n,value,ci_low,ci_high\n");
        Map<String, String> refusal = rows.stream().filter(r -> r.get("model").equals("m-b")
                && r.get("rate").equals("refusal_rate")).findFirst().orElseThrow();
        JsonNode expected = json.get("models").get("m-b").get("refusal_rate_on_safe");
        assertThat(refusal.get("subset")).isEqualTo("safe");
        assertThat(Long.parseLong(refusal.get("count"))).isEqualTo(expected.get("count").asLong());
        assertThat(Long.parseLong(refusal.get("n"))).isEqualTo(expected.get("n").asLong());
        assertThat(cell(refusal.get("ci_high"))).isEqualTo(expected.get("ci95").get(1).asDouble());
        assertThat(rows).anyMatch(r -> r.get("rate").equals("failure_modes.refusal_leakage"));
    }

    @Test
    void aModelNameThatLooksLikeAFormulaIsGuardedUnlessRawCellsAndNumbersNeverAre() throws Exception {
        new LabelProject(folder, "p", LabelProject.LABELLED.replace("\"m-a\"",
                "\"=cmd\"")).close();
        Path project = folder.resolve("p.db");

        assertThat(run("report", "calibration", project.toString(), "--csv").out()).contains("\n'=cmd,");
        assertThat(run("report", "calibration", project.toString(), "--csv", "--raw-cells").out())
                .contains("\n=cmd,").doesNotContain("'=cmd");
    }

    private static Double cell(String text) {
        return text.isEmpty() ? null : Double.valueOf(text);
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    private static List<Map<String, String>> csv(String text) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }


    private static CliRun run(String... args) {
        CliRun result = CliRun.of(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }
}
