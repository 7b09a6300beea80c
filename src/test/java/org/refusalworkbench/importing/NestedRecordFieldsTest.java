package org.refusalworkbench.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Labels, gold labels and transcript turns inside a record are checked field by field, like the record itself. */
class NestedRecordFieldsTest {

    private static final String GOOD = "{\"prompt\": \"p0\", \"model\": \"m\", \"response\": \"fine\"}\n";

    @TempDir
    Path folder;
    private ImportFixture fixture;

    @BeforeEach
    void createProject() {
        fixture = new ImportFixture(folder);
    }

    @AfterEach
    void closeProject() {
        fixture.close();
    }

    @Test
    void aMisspeltFieldOfALabelIsAnErrorNamingItsPath() throws Exception {
        Path bad = fixture.write("bad.jsonl", GOOD + "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\","
                + " \"labels\": {\"annotator-a\": {\"selections\": {\"response_type\": [\"full_refusal\"]},"
                + " \"notes\": \"held its ground\"}}}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad))
                .hasMessage(bad + ":2: labels.annotator-a.notes: unknown field (known: note, selections)");
        assertThat(fixture.allCounts()).containsOnly(0L);
    }

    @Test
    void aMisspeltFieldOfAnIntentLabelIsAnErrorNamingItsPath() throws Exception {
        Path bad = fixture.write("bad.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\","
                + " \"prompt_labels\": {\"ann\": {\"selections\": {\"user_intent\": [\"benign\"]}, \"intent_note\": \"x\"}}}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad))
                .hasMessage(bad + ":1: prompt_labels.ann.intent_note: unknown field (known: note, selections)");
    }

    @Test
    void aMisspeltFieldOfAGoldLabelIsAnErrorNamingItsPath() throws Exception {
        Path bad = fixture.write("bad.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\","
                + " \"gold\": {\"reviewer\": \"lead\", \"selections\": {\"response_type\": [\"full_refusal\"]},"
                + " \"reasn\": \"clear\"}}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad))
                .hasMessage(bad + ":1: gold.reasn: unknown field (known: reason, reviewer, selections)");
    }

    @Test
    void anExtraFieldOfATranscriptTurnIsAnErrorNamingItsPath() throws Exception {
        Path bad = fixture.write("bad.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"messages\": ["
                + "{\"role\": \"user\", \"content\": \"p\"},"
                + " {\"role\": \"assistant\", \"content\": \"r\", \"weight\": 1}]}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad))
                .hasMessage(bad + ":1: messages[1].weight: unknown field (known: content, name, role)");
    }

    @Test
    void aMisspeltNestedFieldInACsvCellIsAnErrorNamingItsPath() throws Exception {
        Path bad = fixture.write("bad.csv", "prompt,model,response,labels\n"
                + "p,m,r,\"{\"\"ann\"\": {\"\"selections\"\": {}, \"\"notes\"\": \"\"x\"\"}}\"\n");

        assertThatThrownBy(() -> fixture.importFiles(bad))
                .hasMessage(bad + ":2: labels.ann.notes: unknown field (known: note, selections)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"labels", "prompt_labels"})
    void aBlankAnnotatorNameIsAnErrorNamingFileLineAndField(String field) throws Exception {
        String selections = field.equals("labels") ? "{\"response_type\": [\"full_refusal\"]}"
                : "{\"user_intent\": [\"benign\"]}";
        for (String name : List.of("", " ", "\\n")) {
            Path bad = fixture.write("blank.jsonl", GOOD + "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\", \""
                    + field + "\": {\"" + name + "\": {\"selections\": " + selections + "}}}\n");

            assertThatThrownBy(() -> fixture.importFiles(bad)).as(name).isInstanceOf(ImportException.class)
                    .hasMessage(bad + ":2: " + field + ": blank annotator name \"" + name + "\"");
            assertThat(fixture.allCounts()).containsOnly(0L);
        }
    }

    @Test
    void aBlankOrNonTextReviewerIsAnErrorNamingTheField() throws Exception {
        for (String reviewer : List.of("\" \"", "\"\\n\"", "7", "null")) {
            Path bad = fixture.write("blank.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\","
                    + " \"gold\": {\"reviewer\": " + reviewer + ", \"selections\": {}}}\n");

            assertThatThrownBy(() -> fixture.importFiles(bad)).as(reviewer)
                    .hasMessage(bad + ":1: gold.reviewer: required, the reviewer's name as text");
        }
    }
}
