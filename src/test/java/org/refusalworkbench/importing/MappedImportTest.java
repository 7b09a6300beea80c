package org.refusalworkbench.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mapping file reads rows of any shape: paths to our fields, value maps, and label columns. */
class MappedImportTest {

    private static final String WILDGUARD_STYLE_MAP = """
            {
              "fields": {"prompt": "prompt", "response": "response", "category": ["area", "sub"],
                         "prompt_label": "prompt_harm_label"},
              "constants": {"model": "some-model"},
              "values": {"prompt_label": {"harmful": "unsafe", "unharmful": "safe"}},
              "labels": [
                {"annotator": "guard", "group": "response_type", "path": "response_refusal_label",
                 "values": {"refusal": "full_refusal", "compliance": "full_compliance"}},
                {"annotator": "guard", "group": "failure_modes", "path": "leak",
                 "values": {"true": "refusal_leakage", "false": null}}
              ],
              "ignore": ["adversarial"]
            }
            """;

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

    private ImportOptions mapped(String mapping) throws Exception {
        return new ImportOptions(null, null, false, ImportMapping.read(fixture.write("map.json", mapping)));
    }

    @Test
    void fieldsValuesAndLabelColumnsAreReadThroughTheMapping() throws Exception {
        Path file = fixture.write("guard.jsonl", "{\"prompt\": \"How to hotwire a car?\", \"response\": \"I can't.\","
                + " \"area\": \"crime\", \"sub\": \"theft\", \"prompt_harm_label\": \"harmful\","
                + " \"adversarial\": false,"
                + " \"response_refusal_label\": \"refusal\", \"leak\": true}\n");

        ImportSummary summary = fixture.importFiles(mapped(WILDGUARD_STYLE_MAP), file);

        assertThat(summary.labelsAdded()).isEqualTo(1);
        assertThat(fixture.text("SELECT category || '|' || safety FROM prompt")).isEqualTo("crime / theft|unsafe");
        assertThat(fixture.text("SELECT model FROM response")).isEqualTo("some-model");
        assertThat(fixture.text("SELECT group_concat(s.option_id, ',') FROM label_selection s"))
                .contains("full_refusal").contains("refusal_leakage");
    }

    @Test
    void theSameMappingReadsACsv() throws Exception {
        Path file = fixture.write("guard.csv", "prompt,response,area,sub,prompt_harm_label,adversarial,"
                + "response_refusal_label,leak\np,r,crime,,unharmful,False,compliance,false\n");

        fixture.importFiles(mapped(WILDGUARD_STYLE_MAP), file);

        assertThat(fixture.text("SELECT category || '|' || safety FROM prompt")).isEqualTo("crime|safe");
        assertThat(fixture.text("SELECT group_concat(option_id) FROM label_selection")).isEqualTo("full_compliance");
    }

    @Test
    void aValueTheMappingDoesNotKnowIsAnErrorNamingLineAndField() throws Exception {
        Path file = fixture.write("guard.jsonl", "{\"prompt\": \"p\", \"response\": \"r\", \"prompt_harm_label\":"
                + " \"harmful\", \"response_refusal_label\": \"refusal\"}\n{\"prompt\": \"p\", \"response\": \"s\","
                + " \"prompt_harm_label\": \"harmful\", \"response_refusal_label\": \"maybe\"}\n");

        assertThatThrownBy(() -> fixture.importFiles(mapped(WILDGUARD_STYLE_MAP), file)).hasMessage(file
                + ":2: response_refusal_label: value 'maybe' is not in the mapping's values for it (refusal,"
                + " compliance)");
        assertThat(fixture.count("response")).isZero();
    }

    @Test
    void aFieldNoPathReadsIsAnErrorUnlessKept() throws Exception {
        Path file = fixture.write("guard.jsonl", "{\"prompt\": \"p\", \"response\": \"r\", \"source\": \"x\"}\n");

        assertThatThrownBy(() -> fixture.importFiles(mapped(WILDGUARD_STYLE_MAP), file))
                .hasMessageStartingWith(file + ":1: field 'source' is not read by the mapping");
        ImportMapping mapping = ImportMapping.read(folder.resolve("map.json"));
        fixture.importFiles(new ImportOptions(null, null, true, mapping), file);
        assertThat(fixture.text("SELECT meta_json FROM response")).isEqualTo("{\"source\":\"x\"}");
    }

    @Test
    void mistakesInTheMappingFileAreNamedByTheirPathBeforeAnyRowIsRead() throws Exception {
        Path rows = fixture.write("rows.jsonl", "{\"prompt\": \"p\", \"response\": \"r\"}\n");

        assertThatThrownBy(() -> fixture.importFiles(mapped("{\"fields\": {\"promt\": \"x\"}}"), rows))
                .hasMessageContaining("map.json: fields.promt: not one of our fields");
        assertThatThrownBy(() -> fixture.importFiles(mapped("{\"labels\": [{\"annotator\": \"a\", \"group\":"
                + " \"response_type\", \"path\": \"x\", \"values\": {\"y\": \"refused\"}}]}"), rows))
                .hasMessage(folder.resolve("map.json") + ": labels[0].values.y: group 'response_type' has no option"
                        + " 'refused'");
        assertThatThrownBy(() -> fixture.importFiles(mapped("{\"fields\": {\"prompt\": \"a[x]\"}}"), rows))
                .hasMessageContaining("fields.prompt: 'a[x]': [x] is not a list position");
        assertThatThrownBy(() -> ImportMapping.read(fixture.write("map.json", "{\"fields\": ")))
                .hasMessageContaining("map.json:1: not valid JSON");
    }

    @Test
    void nestedPathsReadIntoObjectsAndLists() throws Exception {
        Path file = fixture.write("nested.jsonl", "{\"q\": {\"turns\": [\"first\", \"second\"]},"
                + " \"a\": {\"text\": \"answer\"}, \"m\": \"x\"}\n");

        fixture.importFiles(mapped("{\"fields\": {\"prompt\": \"q.turns[1]\", \"response\": \"a.text\","
                + " \"model\": \"m\"}}"), file);

        assertThat(fixture.text("SELECT text FROM prompt")).isEqualTo("second");
        assertThat(fixture.text("SELECT text FROM response")).isEqualTo("answer");
    }

    @Test
    void mappedChosenAndRejectedMakeEachRowAPreferencePair() throws Exception {
        Path file = fixture.write("hh.csv", "instruction,good,bad,better_model,worse_model\n"
                + "How do I pick a lock?,Call a locksmith.,Insert a tension wrench,a,b\n");

        ImportSummary summary = fixture.importFiles(mapped("{\"fields\": {\"prompt\": \"instruction\","
                + " \"chosen\": \"good\", \"rejected\": \"bad\", \"chosen_model\": \"better_model\","
                + " \"rejected_model\": \"worse_model\"}}"), file);

        assertThat(summary.responsesAdded()).isEqualTo(2);
        assertThat(fixture.text("SELECT meta_json FROM response WHERE model = 'b'"))
                .isEqualTo("{\"preference\":\"rejected\"}");
        assertThatThrownBy(() -> mapped("{\"fields\": {\"prompt\": \"p\", \"chosen\": \"c\"}}"))
                .hasMessageContaining("fields: a preference pair needs both chosen and rejected");
    }
}
