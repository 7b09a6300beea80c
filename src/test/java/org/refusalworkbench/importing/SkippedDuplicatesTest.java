package org.refusalworkbench.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A skipped response is reported with its line and the line that had the same content id first. */
class SkippedDuplicatesTest {

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

    private static String response(String text) {
        return "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"" + text + "\"}\n";
    }

    @Test
    void aResponseRepeatedInOneFileNamesTheLineThatHadItFirst() throws Exception {
        Path file = fixture.write("r.jsonl", response("a") + response("b") + "\n" + response("a"));

        ImportSummary summary = fixture.importFiles(file);

        assertThat(summary.skipped()).containsExactly(file + ":4: same content id as line 1, earlier in this file");
        assertThat(summary.describe()).contains(file + ":4: same content id as line 1, earlier in this file");
    }

    @Test
    void aResponseRepeatedInAnotherFileOfTheImportNamesThatFileAndLine() throws Exception {
        Path first = fixture.write("one.jsonl", response("a") + response("b"));
        Path second = fixture.write("two.jsonl", response("b"));

        ImportSummary summary = fixture.importFiles(first, second);

        assertThat(summary.skipped()).containsExactly(second + ":1: same content id as " + first
                + ":2, earlier in this import");
    }

    @Test
    void theSameFileGivenTwiceInOneImportPointsAtItsFirstReading() throws Exception {
        Path file = fixture.write("r.jsonl", response("a") + response("b"));

        ImportSummary summary = fixture.importFiles(file, file);

        assertThat(summary.skipped()).containsExactly(file + ":1: same content id as " + file
                + ":1, earlier in this import", file + ":2: same content id as " + file + ":2, earlier in this import");
    }

    @Test
    void aResponseAlreadyInTheProjectIsSaidToBeThere() throws Exception {
        fixture.importFiles(fixture.write("old.jsonl", response("a")));
        Path file = fixture.write("r.jsonl", response("b") + response("a") + response("b"));

        ImportSummary summary = fixture.importFiles(file);

        assertThat(summary.skipped()).containsExactly(
                file + ":2: same content id as a response already in the project",
                file + ":3: same content id as line 1, earlier in this file");
    }

    @Test
    void pastTheRememberedIdsLimitTheFirstLineIsStillKnown() throws Exception {
        try (ImportFixture small = new ImportFixture(folder.resolve("small"))) {
            Path file = small.write("r.jsonl", response("a") + response("b") + response("c") + response("a"));

            ImportSummary summary = new ResponseImporter(small.database, 2, false)
                    .importFiles(List.of(file), null, null, ResponseImporter.Progress.NONE);

            assertThat(summary.skipped()).containsExactly(file + ":4: same content id as line 1, earlier in this file");
        }
    }

    @Test
    void manySkippedResponsesAreListedUpToALimitAndCountedBeyondIt() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            lines.append(response("same"));
        }
        Path file = fixture.write("r.jsonl", lines.toString());

        ImportSummary summary = fixture.importFiles(file);

        assertThat(summary.responsesAlreadyPresent()).isEqualTo(29);
        assertThat(summary.skipped()).hasSize(ImportSummary.SKIPPED_LISTED)
                .startsWith(file + ":2: same content id as line 1, earlier in this file");
        assertThat(summary.describe()).contains("and 9 more skipped");
    }
}
