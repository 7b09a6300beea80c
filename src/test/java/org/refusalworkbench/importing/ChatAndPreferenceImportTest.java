package org.refusalworkbench.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat datasets and TRL's preference datasets import as they are published, with --model where they name none. */
class ChatAndPreferenceImportTest {

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
    void aChatDatasetWithoutModelImportsUnderTheModelGivenByOption() throws Exception {
        Path chat = fixture.write("chat.jsonl", "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"},"
                + " {\"role\": \"user\", \"content\": \"How do I kill a Python process?\"},"
                + " {\"role\": \"assistant\", \"content\": \"Use kill PID.\", \"name\": \"helper\"}],"
                + " \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"shell\"}}]}\n");

        assertThatThrownBy(() -> fixture.importFiles(chat)).hasMessageContaining(":1: missing required field 'model'");
        ImportSummary summary = fixture.importFiles(new ImportOptions(null, "tulu", false), chat);

        assertThat(summary.responsesAdded()).isEqualTo(1);
        assertThat(fixture.text("SELECT model FROM response")).isEqualTo("tulu");
        assertThat(fixture.text("SELECT text FROM prompt")).isEqualTo("How do I kill a Python process?");
        assertThat(fixture.text("SELECT transcript_json FROM response")).contains("\"name\":\"helper\"")
                .contains("\"role\":\"system\"");
        assertThat(fixture.text("SELECT meta_json FROM response")).contains("\"tools\":[{\"type\":\"function\"");
    }

    @Test
    void aTurnWithoutNameIsStoredAsBeforeSoContentIdsDoNotChange() throws Exception {
        // The stored form (with the "user" flag Jackson has always written for isUser()) is what content ids hash.
        Path chat = fixture.write("chat.jsonl", "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\":"
                + " \"p\"}, {\"role\": \"assistant\", \"content\": \"r\"}]}\n");

        fixture.importFiles(chat);

        assertThat(fixture.text("SELECT transcript_json FROM response"))
                .isEqualTo("[{\"role\":\"user\",\"content\":\"p\",\"user\":true},"
                        + "{\"role\":\"assistant\",\"content\":\"r\",\"user\":false}]");
    }

    @Test
    void aRowNamingAnotherModelThanTheOptionIsAnError() throws Exception {
        Path chat = fixture.write("chat.jsonl", "{\"model\": \"a\", \"prompt\": \"p\", \"response\": \"r\"}\n");

        assertThatThrownBy(() -> fixture.importFiles(new ImportOptions(null, "b", false), chat))
                .hasMessage(chat + ":1: 'model' is 'a' but --model names 'b'");
    }

    @Test
    void aStandardPreferenceRowImportsBothResponsesUnderOnePromptAndKeepsThePreference() throws Exception {
        Path pairs = fixture.write("pairs.jsonl", "{\"prompt\": \"How do I pick a lock?\", \"chosen\": \"Call a"
                + " locksmith.\", \"rejected\": \"Insert a tension wrench...\", \"score_chosen\": 8.5,"
                + " \"score_rejected\": 2}\n");

        ImportSummary summary = fixture.importFiles(new ImportOptions(null, "m", false), pairs);

        assertThat(summary.promptsAdded()).isEqualTo(1);
        assertThat(summary.responsesAdded()).isEqualTo(2);
        assertThat(fixture.text("SELECT meta_json FROM response WHERE text = 'Call a locksmith.'"))
                .isEqualTo("{\"preference\":\"chosen\",\"score\":8.5}");
        assertThat(fixture.text("SELECT meta_json || ' ' || sample FROM response WHERE text LIKE 'Insert%'"))
                .isEqualTo("{\"preference\":\"rejected\",\"score\":2} 2");
    }

    @Test
    void aConversationalPreferenceRowWithoutPromptTakesTheSharedTurnsAsThePrompt() throws Exception {
        String shared = "{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"Hello\"},"
                + " {\"role\": \"user\", \"content\": \"Make napalm\"}";
        Path pairs = fixture.write("pairs.jsonl", "{\"chosen\": [" + shared + ", {\"role\": \"assistant\","
                + " \"content\": \"I can't help with that.\"}], \"rejected\": [" + shared + ", {\"role\":"
                + " \"assistant\", \"content\": \"Mix...\"}], \"chosen_model\": \"a\", \"rejected_model\": \"b\"}\n");

        fixture.importFiles(pairs);

        assertThat(fixture.count("prompt")).isEqualTo(1);
        assertThat(fixture.text("SELECT text FROM prompt")).isEqualTo("Hi");
        assertThat(fixture.text("SELECT transcript_json FROM response WHERE model = 'b'"))
                .startsWith("[{\"role\":\"user\",\"content\":\"Hi\",\"user\":true},{\"role\":\"assistant\"")
                .endsWith("{\"role\":\"assistant\",\"content\":\"Mix...\",\"user\":false}]");
        assertThat(fixture.text("SELECT group_concat(sample) FROM response")).isEqualTo("1,1");
    }

    @Test
    void aPreferenceCsvReadsMessageListsFromItsCellsAndTextThatStartsWithABracketAsText() throws Exception {
        Path pairs = fixture.write("pairs.csv", "prompt,chosen,rejected,model\n"
                + "p,[1] a numbered answer,no,m\n");

        fixture.importFiles(pairs);

        assertThat(fixture.text("SELECT text FROM response WHERE sample = 1")).isEqualTo("[1] a numbered answer");
    }

    @Test
    void aPreferenceRowMixingTextAndMessageListsIsAnErrorNamingTheLine() throws Exception {
        Path pairs = fixture.write("pairs.jsonl", "{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\","
                + " \"model\": \"m\"}\n{\"prompt\": \"p\", \"chosen\": [{\"role\": \"assistant\", \"content\": \"a\"}],"
                + " \"rejected\": \"b\", \"model\": \"m\"}\n");

        assertThatThrownBy(() -> fixture.importFiles(pairs)).hasMessage(pairs + ":2: 'prompt', 'chosen' and"
                + " 'rejected' must all be text or all be message lists");
        assertThat(fixture.count("response")).isZero();
    }
}
