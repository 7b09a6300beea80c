package org.refusalworkbench.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.labelfile.LabelFileLines;
import org.refusalworkbench.labelfile.LabelProject;
import org.refusalworkbench.taxonomy.TaxonomyReader;

/** The flat label table: columns from the taxonomy alone, one type each, "not asked" apart from "not chosen". */
class LabelTableExportTest {

    @TempDir
    Path folder;

    @Test
    void twoProjectsWithOneTaxonomyGiveTheSameColumnsInTheSameOrderWithOneTypeEach() throws Exception {
        List<ObjectNode> first;
        List<ObjectNode> second;
        try (LabelProject project = new LabelProject(Files.createDirectories(folder.resolve("a")), "a", LabelProject.LABELLED)) {
            first = table(project, ExportOptions.TableFile.JSONL);
        }
        try (LabelProject project = new LabelProject(Files.createDirectories(folder.resolve("b")), "b", LabelProject.RESPONSES)) {
            second = table(project, ExportOptions.TableFile.JSONL);
        }
        List<ObjectNode> all = new ArrayList<>(first);
        all.addAll(second);
        List<String> columns = LabelTableExport.columns(TaxonomyReader.defaultTaxonomy()).stream()
                .map(TableColumn::name).toList();
        assertThat(all).isNotEmpty().allSatisfy(row -> assertThat(names(row)).isEqualTo(columns));
        for (TableColumn column : LabelTableExport.columns(TaxonomyReader.defaultTaxonomy())) {
            assertThat(all).allSatisfy(row -> {
                var value = row.get(column.name());
                if (value.isNull()) {
                    assertThat(column.nullable()).as(column.name()).isTrue();
                } else if (column.type() == TableColumn.Type.BOOLEAN) {
                    assertThat(value.isBoolean()).as(column.name()).isTrue();
                } else if (column.type() == TableColumn.Type.INT64) {
                    assertThat(value.isIntegralNumber()).as(column.name()).isTrue();
                } else {
                    assertThat(value.isTextual()).as(column.name()).isTrue();
                }
            });
        }
    }

    @Test
    void aGroupLeftOutIsNotAnsweredWhileAnOptionNotChosenIsFalseInAnAnsweredGroup() throws Exception {
        try (LabelProject project = new LabelProject(folder, "p", LabelProject.LABELLED)) {
            List<ObjectNode> rows = table(project, ExportOptions.TableFile.JSONL);

            ObjectNode refusal = rows.stream().filter(row -> row.get("kind").asText().equals("label")
                    && row.get("person").asText().equals("ann-1") && row.get("response_type.full_refusal")
                    .asBoolean() && row.get("refusal_type.over_refusal").asBoolean()).findFirst().orElseThrow();
            assertThat(refusal.get("response_type.answered").asBoolean()).isTrue();
            assertThat(refusal.get("response_type.full_compliance").asBoolean()).isFalse();
            assertThat(refusal.get("user_intent.answered").asBoolean()).isFalse();
            ObjectNode intent = rows.stream().filter(row -> row.get("kind").asText().equals("intent")).findFirst()
                    .orElseThrow();
            assertThat(intent.get("sample").asLong()).isZero();
            assertThat(intent.get("response_id").isNull()).isTrue();
            assertThat(intent.get("user_intent.answered").asBoolean()).isTrue();
            assertThat(rows.stream().filter(row -> row.get("kind").asText().equals("adjudication"))).hasSize(2);
        }
    }

    @Test
    void theCsvTableHasOneHeaderAndTrueOrFalseCellsAndRawCellsLeaveTextAlone() throws Exception {
        try (LabelProject project = new LabelProject(folder, "p", LabelProject.LABELLED.replace("keyword",
                "=SUM(A1)"))) {
            Path guarded = project.export("t.csv", new ExportOptions(ExportFormat.LABEL_TABLE, null, false,
                    ExportOptions.TableFile.CSV, false));
            Path raw = project.export("raw.csv", new ExportOptions(ExportFormat.LABEL_TABLE, null, false,
                    ExportOptions.TableFile.CSV, true));

            List<String> lines = Files.readAllLines(guarded);
            assertThat(lines.get(0)).startsWith("kind,person,prompt_id,response_id,model,sample,user_intent.answered,");
            assertThat(lines).hasSize(1 + 7 + 2 + 2);
            assertThat(lines.get(1)).contains(",true,").contains(",false,");
            assertThat(Files.readString(guarded)).contains(",'=SUM(A1),");
            assertThat(Files.readString(raw)).contains(",=SUM(A1),").doesNotContain("'=SUM");
        }
    }

    @Test
    void aRowOfTheWrongTypeIsRefusedBeforeAnyFormatWritesIt() {
        List<TableColumn> columns = List.of(TableColumn.required("n", TableColumn.Type.INT64));

        assertThatThrownBy(() -> TableRows.check(columns, new Object[] {"1"}))
                .hasMessage("column n holds INT64, not String");
        assertThatThrownBy(() -> TableRows.check(columns, new Object[] {null})).hasMessage("column n needs a value");
    }

    private static List<String> names(ObjectNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<ObjectNode> table(LabelProject project, ExportOptions.TableFile file) throws Exception {
        Path path = project.export("table.jsonl", new ExportOptions(ExportFormat.LABEL_TABLE, null, false, file,
                false));
        return LabelFileLines.read(path);
    }
}
