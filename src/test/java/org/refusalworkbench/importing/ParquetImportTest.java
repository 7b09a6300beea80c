package org.refusalworkbench.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.refusalworkbench.export.ExportFormat;
import org.refusalworkbench.export.ExportOptions;
import org.refusalworkbench.labelfile.LabelProject;

/**
 * Parquet files, as pyarrow and {@code datasets} write them (src/test/resources/parquet/make_fixtures.py), import
 * like any other container, with Hadoop absent from the class path; the label table written as Parquet reads back
 * equal to the JSON Lines one.
 */
class ParquetImportTest {

    private static final Path FIXTURES = Path.of("src/test/resources/parquet");

    @TempDir
    Path folder;
    private ImportFixture fixture;

    @BeforeEach
    void open() {
        fixture = new ImportFixture(folder);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void hadoopIsNotOnTheClassPathSoNoParquetPathCanNeedIt() {
        assertThatThrownBy(() -> Class.forName("org.apache.hadoop.conf.Configuration"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat-snappy.parquet", "chat-zstd.parquet", "chat-gzip.parquet"})
    void aChatDatasetInEveryCodecImportsItsTranscripts(String file) throws Exception {
        ImportSummary summary = fixture.importFiles(new ImportOptions(null, "tulu", false), FIXTURES.resolve(file));

        assertThat(summary.responsesAdded()).isEqualTo(2);
        assertThat(fixture.text("SELECT group_concat(text, '|') FROM (SELECT text FROM prompt ORDER BY id)"))
                .isEqualTo("How do I kill a Python process?|Write a poem about rain.");
        assertThat(fixture.text("SELECT transcript_json FROM response ORDER BY id LIMIT 1"))
                .contains("{\"role\":\"system\",\"content\":\"Be brief.\"");
        assertThat(fixture.text("SELECT group_concat(external_id, ',') FROM response")).isEqualTo("chat-1,chat-2");
    }

    @Test
    void preferencePairsOverTwoRowGroupsImportWithTheirScores() throws Exception {
        ImportSummary summary = fixture.importFiles(new ImportOptions(null, "m", false),
                FIXTURES.resolve("preference.parquet"));

        assertThat(summary.promptsAdded()).isEqualTo(2);
        assertThat(summary.responsesAdded()).isEqualTo(4);
        assertThat(fixture.text("SELECT meta_json FROM response WHERE text = 'Use kill PID.'"))
                .isEqualTo("{\"preference\":\"chosen\",\"score\":9.0}");
    }

    @Test
    void aRowWithoutModelIsNamedByItsRowNumberAndTheModelOptionSolvesIt() throws Exception {
        Path file = FIXTURES.resolve("native-missing-model.parquet");

        assertThatThrownBy(() -> fixture.importFiles(file)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(file + ":3: ");
        assertThat(fixture.allCounts()).containsOnly(0L);
    }

    @Test
    void aCutShortFileIsRefusedByNameAndNothingIsWritten() {
        Path file = FIXTURES.resolve("truncated.parquet");

        assertThatThrownBy(() -> fixture.importFiles(new ImportOptions(null, "m", false), file))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith(file + ": not a readable Parquet file (");
        assertThat(fixture.allCounts()).containsOnly(0L);
    }

    @Test
    void aFileThatIsNotParquetAtAllIsRefusedByName() throws Exception {
        Path file = fixture.write("rows.parquet", "{\"prompt\": \"p\"}\n");

        assertThatThrownBy(() -> fixture.importFiles(file)).hasMessageStartingWith(file
                + ": not a readable Parquet file (");
    }

    @Test
    void theLabelTableAsParquetReadsBackEqualToTheJsonLinesTable() throws Exception {
        List<ObjectNode> fromParquet = new ArrayList<>();
        List<JsonNode> fromJsonLines = new ArrayList<>();
        try (LabelProject project = new LabelProject(Files.createDirectories(folder.resolve("p")), "p",
                LabelProject.LABELLED)) {
            Path parquet = project.export("labels.parquet", new ExportOptions(ExportFormat.LABEL_TABLE, null, false,
                    ExportOptions.TableFile.PARQUET, false));
            Path jsonl = project.export("labels.jsonl", new ExportOptions(ExportFormat.LABEL_TABLE, null, false,
                    ExportOptions.TableFile.JSONL, false));
            try (ParquetRows rows = ParquetRows.open(parquet, parquet.toString())) {
                for (ObjectNode row = rows.next(); row != null; row = rows.next()) {
                    fromParquet.add(row);
                }
            }
            JsonMapper json = JsonMapper.builder().build();
            for (String line : Files.readAllLines(jsonl)) {
                fromJsonLines.add(json.readTree(line));
            }
        }
        assertThat(fromParquet).hasSize(fromJsonLines.size()).isNotEmpty();
        // As text: Parquet's int64 reads as a long node and JSON's small number as an int node, equal in value.
        assertThat(fromParquet.toString()).isEqualTo(fromJsonLines.toString());
    }

}
