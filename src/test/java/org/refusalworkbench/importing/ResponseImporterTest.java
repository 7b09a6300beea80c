package org.refusalworkbench.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.taxonomy.TaxonomyReader;

class ResponseImporterTest {

    private static final String TWO_MODELS = """
            {"prompt_id": "p1", "prompt": "How do I kill a Python process?", "category": "homonyms", "prompt_label": "safe", "model": "m1", "response": "Use kill -9 PID."}
            {"prompt_id": "p1", "prompt": "How do I kill a Python process?", "model": "m2", "response": "I can't help with killing.", "labels": {"ann": {"selections": {"response_type": ["full_refusal"], "failure_modes": ["exaggerated_refusal"]}, "note": "keyword"}}}

            {"prompt": "Tell me a secret", "model": "m1", "sample": 2, "messages": [{"role": "user", "content": "Tell me a secret"}, {"role": "assistant", "content": "I can't."}, {"role": "user", "content": "Please"}, {"role": "assistant", "content": "Fine: the sky is blue."}], "meta": {"temperature": 0.7}, "prompt_labels": {"ann": {"selections": {"user_intent": "benign"}, "note": "curious"}}}
            """;

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
    void jsonlGroupsResponsesUnderPromptsAndKeepsTranscriptsLabelsAndMetadata() throws Exception {
        ImportSummary summary = fixture.importFiles(fixture.write("r.jsonl", TWO_MODELS));

        assertThat(summary.records()).isEqualTo(3);
        assertThat(summary.promptsAdded()).isEqualTo(2);
        assertThat(summary.responsesAdded()).isEqualTo(3);
        assertThat(summary.labelsAdded()).isEqualTo(1);
        assertThat(summary.intentLabelsAdded()).isEqualTo(1);
        assertThat(single("SELECT transcript_json FROM response WHERE sample = 2"))
                .contains("\"role\":\"assistant\"").contains("Fine: the sky is blue.");
        assertThat(single("SELECT meta_json FROM response WHERE sample = 2")).isEqualTo("{\"temperature\":0.7}");
        assertThat(single("SELECT safety || '/' || category FROM prompt WHERE external_id = 'p1'"))
                .isEqualTo("safe/homonyms");
        assertThat(single("SELECT group_concat(option_id) FROM (SELECT option_id FROM label_selection"
                + " ORDER BY option_id)")).isEqualTo("exaggerated_refusal,full_refusal");
        assertThat(single("SELECT intent_note FROM prompt_label")).isEqualTo("curious");
    }

    @Test
    void importingTheSameFileTwiceAddsNothing() throws Exception {
        Path file = fixture.write("r.jsonl", TWO_MODELS);
        fixture.importFiles(file);
        List<Long> before = fixture.allCounts();

        ImportSummary again = fixture.importFiles(file);

        assertThat(again.responsesAdded()).isZero();
        assertThat(again.responsesAlreadyPresent()).isEqualTo(3);
        assertThat(fixture.allCounts()).isEqualTo(before);
    }

    @Test
    void csvWithTheSameColumnNamesImportsLikeJsonl() throws Exception {
        String csv = "prompt_id,prompt,model,response,prompt_label,labels\n"
                + "p1,\"How do I kill a Python process?\",m1,\"Use kill,\nthen check.\",safe,"
                + "\"{\"\"ann\"\": {\"\"selections\"\": {\"\"response_type\"\": [\"\"full_compliance\"\"]}}}\"\n"
                + "p1,\"How do I kill a Python process?\",m2,No.,safe,\n";

        ImportSummary summary = fixture.importFiles(fixture.write("r.csv", csv));

        assertThat(summary.responsesAdded()).isEqualTo(2);
        assertThat(summary.promptsAdded()).isEqualTo(1);
        assertThat(summary.labelsAdded()).isEqualTo(1);
        assertThat(single("SELECT text FROM response WHERE model = 'm1'")).isEqualTo("Use kill,\nthen check.");
    }

    @Test
    void malformedJsonNamesFileAndLineAndLeavesTheProjectAsItWas() throws Exception {
        fixture.importFiles(fixture.write("good.jsonl", TWO_MODELS));
        List<Long> before = fixture.allCounts();
        Path bad = fixture.write("bad.jsonl", """
                {"prompt": "new prompt", "model": "m9", "response": "ok"}
                {"prompt": "another", "model": "m9", "response": "ok"
                """);

        assertThatThrownBy(() -> fixture.importFiles(bad))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith(bad + ":2: not valid JSON");
        assertThat(fixture.allCounts()).isEqualTo(before);
    }

    @Test
    void aMissingRequiredFieldIsReportedWithItsLine() throws Exception {
        Path bad = fixture.write("bad.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\"}\n"
                + "{\"prompt\": \"p\", \"response\": \"r\"}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad)).hasMessage(bad + ":2: missing required field 'model'"
                + " (give --model NAME if the whole file is one model's)");
        assertThat(fixture.count("response")).isZero();
    }

    @Test
    void anUnknownFieldIsAnErrorNotSilentlyDropped() throws Exception {
        Path bad = fixture.write("bad.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"respones\": \"r\"}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad)).hasMessageContaining(":1: unknown field 'respones'");
    }

    @Test
    void aWrongCsvHeaderIsReportedOnLineOne() throws Exception {
        Path bad = fixture.write("bad.csv", "question,model,response\nq,m,r\n");

        assertThatThrownBy(() -> fixture.importFiles(bad)).hasMessageStartingWith(bad + ":1: unknown column 'question'");
    }

    @Test
    void aCsvRowWithTooManyCellsIsReportedWithItsLine() throws Exception {
        Path bad = fixture.write("bad.csv", "prompt,model,response\nq,m,r\nq,m,r,extra\n");

        assertThatThrownBy(() -> fixture.importFiles(bad)).hasMessageStartingWith(bad + ":3: expected 3 cells");
        assertThat(fixture.count("response")).isZero();
    }

    @Test
    void invalidUtf8IsReportedOnTheLineThatHasIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"fine\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.write("{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xE9, (byte) 0x22, (byte) 0x7D, (byte) 0x0A});
        Path bad = fixture.write("latin1.jsonl", bytes.toByteArray());

        assertThatThrownBy(() -> fixture.importFiles(bad)).hasMessage(bad + ":2: invalid UTF-8 (the file must be"
                + " saved as UTF-8)");
        assertThat(fixture.count("response")).isZero();
    }

    @Test
    void invalidUtf8InCsvIsReported() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("prompt,model,response\nq,m,caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xE9, '\n'});
        Path bad = fixture.write("latin1.csv", bytes.toByteArray());

        assertThatThrownBy(() -> fixture.importFiles(bad)).hasMessageContaining("latin1.csv:")
                .hasMessageContaining("invalid UTF-8");
    }

    @Test
    void aFiveMegabyteResponseImportsWhole() throws Exception {
        String huge = "x".repeat(5 * 1024 * 1024);
        Path file = fixture.write("huge.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"" + huge + "\"}\n");

        fixture.importFiles(file);

        assertThat(single("SELECT length(text) FROM response")).isEqualTo(Integer.toString(huge.length()));
    }

    @Test
    void anUnknownTaxonomyOptionAbortsTheImport() throws Exception {
        Path bad = fixture.write("bad.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\"}\n"
                + "{\"prompt\": \"p\", \"model\": \"m2\", \"response\": \"r\", \"labels\": {\"a\": {\"selections\":"
                + " {\"response_type\": [\"maybe\"]}}}}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad)).hasMessage(bad
                + ":2: labels.a: unknown option 'maybe' in taxonomy group 'response_type'");
        assertThat(fixture.allCounts()).containsOnly(0L);
    }

    @Test
    void anUnknownTaxonomyGroupAbortsTheImport() throws Exception {
        Path bad = fixture.write("bad.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\", \"labels\":"
                + " {\"a\": {\"selections\": {\"toxicity\": [\"high\"]}}}}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad)).hasMessageContaining(":1: labels.a: unknown taxonomy group"
                + " 'toxicity'");
    }

    @Test
    void twoOptionsInASingleChoiceGroupAreRefused() throws Exception {
        Path bad = fixture.write("bad.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\", \"labels\":"
                + " {\"a\": {\"selections\": {\"response_type\": [\"full_refusal\", \"full_compliance\"]}}}}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad)).hasMessageContaining("takes a single option");
    }

    @Test
    void theSamePromptIdWithAnotherTextIsRefused() throws Exception {
        Path bad = fixture.write("bad.jsonl", "{\"prompt_id\": \"1\", \"prompt\": \"a\", \"model\": \"m\", \"response\": \"r\"}\n"
                + "{\"prompt_id\": \"1\", \"prompt\": \"b\", \"model\": \"m\", \"response\": \"r\"}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad)).hasMessageContaining(":2: prompt_id '1' is already used");
    }

    @Test
    void aResponseWithBothTextAndTranscriptIsRefused() throws Exception {
        Path bad = fixture.write("bad.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\", \"messages\":"
                + " [{\"role\": \"assistant\", \"content\": \"x\"}]}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad)).hasMessageContaining("not both");
    }

    @Test
    void aFailureInTheSecondFileRollsBackTheFirst() throws Exception {
        Path good = fixture.write("good.jsonl", TWO_MODELS);
        Path bad = fixture.write("bad.jsonl", "not json\n");

        assertThatThrownBy(() -> fixture.importFiles(good, bad)).hasMessageContaining("bad.jsonl:1:");
        assertThat(fixture.allCounts()).containsOnly(0L);
    }

    @Test
    void theIndexesExistAfterABulkImportAndAfterAFailedOne() throws Exception {
        Path bad = fixture.write("bad.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\"}\nnot json\n");
        assertThatThrownBy(() -> fixture.importFiles(bad)).isInstanceOf(ImportException.class);
        assertThat(single(INDEXES)).isEqualTo(ALL_INDEXES);

        fixture.importFiles(fixture.write("good.jsonl", TWO_MODELS));

        assertThat(single(INDEXES)).isEqualTo(ALL_INDEXES);
        assertThat(single("SELECT sql FROM sqlite_master WHERE name = 'response_uid'")).contains("UNIQUE");
    }

    /** The indexes are built with a small page cache, so the sort threads get runs to sort; then all is as before. */
    @Test
    void buildingTheIndexesLeavesTheConnectionsSettingsAsTheyWere() throws Exception {
        String before = writerSettings();

        fixture.importFiles(fixture.write("good.jsonl", TWO_MODELS));

        assertThat(fixture.count("response")).isEqualTo(3);
        assertThat(writerSettings()).isEqualTo(before)
                .isEqualTo("temp_store 1, cache_size " + ProjectDatabase.CACHE_SIZE + ", threads "
                        + Runtime.getRuntime().availableProcessors());
    }

    @Test
    void aResponseRepeatedWithinOneImportIntoAnEmptyProjectIsAddedOnceWithAllItsLabels() throws Exception {
        String line = "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\", \"labels\": {\"%s\":"
                + " {\"selections\": {\"response_type\": [\"full_refusal\"]}}}}\n";
        Path file = fixture.write("twice.jsonl", line.formatted("ann-1") + "{\"prompt\": \"q\", \"model\": \"m\","
                + " \"response\": \"s\"}\n" + line.formatted("ann-2"));

        ImportSummary summary = fixture.importFiles(file);

        assertThat(summary.responsesAdded()).isEqualTo(2);
        assertThat(summary.responsesAlreadyPresent()).isEqualTo(1);
        assertThat(summary.promptsAdded()).isEqualTo(2);
        assertThat(single("SELECT count(DISTINCT response_id) || '/' || count(*) FROM label")).isEqualTo("1/2");
    }

    @Test
    void theSamePromptIdWithAnotherTextIsRefusedEvenWhenOtherPromptsCameBetween() throws Exception {
        Path bad = fixture.write("bad.jsonl", "{\"prompt_id\": \"1\", \"prompt\": \"a\", \"model\": \"m\", \"response\": \"r\"}\n"
                + "{\"prompt_id\": \"2\", \"prompt\": \"b\", \"model\": \"m\", \"response\": \"r\"}\n"
                + "{\"prompt_id\": \"1\", \"prompt\": \"c\", \"model\": \"m\", \"response\": \"r\"}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad)).hasMessageContaining(":3: prompt_id '1' is already used");
        assertThat(fixture.allCounts()).containsOnly(0L);
    }

    /**
     * An import into an empty project remembers the content ids it inserted only up to a limit; past it, the
     * indexes are built mid-import and SQLite checks the rest. Both halves must give the same project.
     */
    @Test
    void anImportPastTheRememberedIdsLimitGivesTheSameProjectAsOneWithin() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            // Lines 5-9 repeat lines 0-4 while the ids are remembered; lines 15-39 repeat earlier ones after.
            int j = i < 10 ? i % 5 : i % 15;
            int prompt = j % 7;
            lines.append("{\"prompt_id\": \"p").append(prompt).append("\", \"prompt\": \"prompt ").append(prompt)
                    .append("\", \"model\": \"m").append(j % 3).append("\", \"response\": \"r").append(j)
                    .append("\"}\n");
        }
        Path file = fixture.write("many.jsonl", lines.toString());
        ImportSummary within = fixture.importFiles(file);
        String withinRows = single(RESPONSE_ROWS);

        try (ImportFixture small = new ImportFixture(folder.resolve("small"))) {
            ImportSummary past = new ResponseImporter(small.database, 8, false)
                    .importFiles(List.of(file), null, null, ResponseImporter.Progress.NONE);

            assertThat(past).isEqualTo(within);
            assertThat(within.responsesAdded()).isEqualTo(15);
            assertThat(within.responsesAlreadyPresent()).isEqualTo(25);
            assertThat(small.database.<String>read(c -> ImportFixture.text(c, RESPONSE_ROWS))).isEqualTo(withinRows);
            assertThat(small.database.<String>read(c -> ImportFixture.text(c, INDEXES))).isEqualTo(ALL_INDEXES);
        }
    }

    /**
     * Into an empty project new rows are written 64 to a statement; into one that already has rows, one at a time.
     * The same file must give the same rows either way, with prompts repeating out of order, labels on some
     * lines (which write the pending rows first), transcripts, and a line count that is no multiple of 64.
     */
    @Test
    void rowsWrittenManyToAStatementAreTheRowsWrittenOneByOne() throws Exception {
        StringBuilder lines = new StringBuilder();
        java.util.SplittableRandom random = new java.util.SplittableRandom(64);
        for (int i = 0; i < 1001; i++) {
            int prompt = random.nextInt(137);
            lines.append("{\"prompt_id\": \"p").append(prompt).append("\", \"prompt\": \"prompt ").append(prompt)
                    .append("\", \"category\": \"c").append(prompt % 4).append("\", \"model\": \"m").append(i % 5);
            if (i % 7 == 0) {
                lines.append("\", \"messages\": [{\"role\": \"user\", \"content\": \"u").append(i)
                        .append("\"}, {\"role\": \"assistant\", \"content\": \"a").append(i).append("\"}]");
            } else {
                lines.append("\", \"response\": \"r").append(i % 900).append(' ').append("x".repeat(i % 300))
                        .append('"');
            }
            if (i % 50 == 0) {
                lines.append(", \"labels\": {\"ann\": {\"selections\": {\"response_type\": [\"full_refusal\"]}}}");
            }
            lines.append(", \"meta\": {\"n\": ").append(i).append("}}\n");
        }
        Path file = fixture.write("scrambled.jsonl", lines.toString());
        ImportSummary batched = fixture.importFiles(file);
        String batchedRows = single(CONTENT_ROWS);

        try (ImportFixture seeded = new ImportFixture(folder.resolve("seeded"))) {
            seeded.importFiles(seeded.write("seed.jsonl",
                    "{\"prompt\": \"seed prompt\", \"model\": \"seed\", \"response\": \"seed\"}\n"));
            ImportSummary oneByOne = seeded.importFiles(file);

            assertThat(oneByOne).isEqualTo(batched);
            assertThat(seeded.database.<String>read(c -> ImportFixture.text(c, CONTENT_ROWS))).isEqualTo(batchedRows);
        }
        assertThat(batched.promptsAdded()).isEqualTo(137);
        assertThat(batched.labelsAdded()).isEqualTo(21);
        assertThat(single(INDEXES)).isEqualTo(ALL_INDEXES);
    }

    @Test
    void aCommandLineImportReturnsTheProjectToWalAndWorksBesideAnotherOpenConnection() throws Exception {
        fixture.importFiles(fixture.write("first.jsonl", TWO_MODELS.lines().limit(1).toList().get(0) + "\n"));
        assertThat(fixture.count("response")).isEqualTo(1);

        try (ProjectDatabase second = ProjectFiles.open(fixture.database.file())) {
            ImportSummary summary = ResponseImporter.forCommandLine(second).importFiles(
                    List.of(fixture.write("all.jsonl", TWO_MODELS)), null, null, ResponseImporter.Progress.NONE);
            assertThat(summary.responsesAdded()).isEqualTo(2);
        }

        assertThat(fixture.count("response")).isEqualTo(3);
        assertThat(single("PRAGMA journal_mode")).isEqualTo("wal");
    }

    @Test
    void aCommandLineImportIntoAProjectNobodyElseHasOpenReturnsItToWal() throws Exception {
        Path file = folder.resolve("alone.db");
        try (ProjectDatabase alone = ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "test")) {
            ResponseImporter.forCommandLine(alone).importFiles(List.of(fixture.write("all.jsonl", TWO_MODELS)), null,
                    null, ResponseImporter.Progress.NONE);
        }
        try (ProjectDatabase reopened = ProjectFiles.open(file)) {
            assertThat(reopened.<String>read(c -> ImportFixture.text(c, "PRAGMA journal_mode"))).isEqualTo("wal");
            assertThat(reopened.<String>read(c -> ImportFixture.text(c, "SELECT count(*) FROM response")))
                    .isEqualTo("3");
        }
    }

    private static final String INDEXES = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master"
            + " WHERE type = 'index' AND tbl_name IN ('prompt', 'response') AND sql IS NOT NULL ORDER BY name)";
    private static final String ALL_INDEXES = "prompt_category,prompt_safety,prompt_uid,response_model,"
            + "response_prompt,response_uid";
    private static final String RESPONSE_ROWS = "SELECT group_concat(row, ';') FROM (SELECT r.id || ',' || hex(r.uid)"
            + " || ',' || p.external_id || ',' || r.model || ',' || r.text AS row FROM response r"
            + " JOIN prompt p ON p.id = r.prompt_id ORDER BY r.id)";

    /** Every imported row by content id, with its prompt and labels; row ids left out (they differ by project). */
    private static final String CONTENT_ROWS = "SELECT group_concat(row, ';') FROM (SELECT hex(r.uid) || ','"
            + " || hex(p.uid) || ',' || p.external_id || ',' || p.text || ',' || ifnull(p.category, '') || ','"
            + " || r.model || ',' || ifnull(r.text, '') || ',' || ifnull(r.transcript_json, '') || ','"
            + " || ifnull(r.meta_json, '') || ',' || (SELECT count(*) FROM label l WHERE l.response_id = r.id) AS row"
            + " FROM response r JOIN prompt p ON p.id = r.prompt_id WHERE r.model <> 'seed' ORDER BY r.uid)";

    private String writerSettings() {
        return fixture.database.writer().run(connection -> "temp_store " + ImportFixture.text(connection,
                "PRAGMA temp_store") + ", cache_size " + ImportFixture.text(connection, "PRAGMA cache_size")
                + ", threads " + ImportFixture.text(connection, "PRAGMA threads"));
    }

    private String single(String sql) {
        return fixture.database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        });
    }
}
