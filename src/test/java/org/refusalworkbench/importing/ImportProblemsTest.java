package org.refusalworkbench.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import lists every problem of its files in one pass, reads JSON arrays, and keeps unknown fields if asked. */
class ImportProblemsTest {

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
    void everyBadLineOfEveryFileIsListedInOnePassAndNothingIsImported() throws Exception {
        Path first = fixture.write("a.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\"}\n"
                + "{\"prompt\": \"p\", \"response\": \"r\"}\n"
                + "not json\n"
                + "{\"prompt\": \"p\", \"model\": \"m\", \"respones\": \"r\"}\n");
        Path second = fixture.write("b.csv", "prompt,model,response,sample\np,m,r,zero\n");

        ImportException failure = catchThrowableOfType(ImportException.class, () -> fixture.importFiles(first, second));

        assertThat(failure.getMessage().lines()).containsExactly(
                first + ":2: missing required field 'model' (give --model NAME if the whole file is one model's)",
                first + ":3: not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array,"
                        + " Object or token 'null', 'true' or 'false')",
                first + ":4: unknown field 'respones' (known fields: category, gold, id, labels, messages, meta, model,"
                        + " prompt, prompt_id, prompt_label, prompt_labels, response, sample, tools; --keep-unknown"
                        + " keeps others in meta)",
                second + ":2: 'sample' must be a whole number from 1, found \"zero\"",
                "(4 problems in all)");
        assertThat(failure.more()).hasSize(3);
        assertThat(fixture.allCounts()).containsOnly(0L);
    }

    @Test
    void readingStopsAtTheLimitAndSaysThereMayBeMore() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < RecordPreparer.PROBLEM_LIMIT + 10; i++) {
            lines.append("{\"prompt\": \"p\", \"model\": \"m\", \"field").append(i).append("\": 1}\n");
        }
        Path bad = fixture.write("bad.jsonl", lines.toString());

        ImportException failure = catchThrowableOfType(ImportException.class, () -> fixture.importFiles(bad));

        assertThat(failure.more()).hasSize(RecordPreparer.PROBLEM_LIMIT - 1);
        assertThat(failure.getMessage()).endsWith("(stopped after " + RecordPreparer.PROBLEM_LIMIT
                + " problems; there may be more)");
    }

    @Test
    void aMistakeRepeatedOnManyLinesIsSaidOnceWithTheLinesItRecursOn() throws Exception {
        Path bad = fixture.write("bad.jsonl",
                "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\", \"extra\": 1}\n"
                .repeat(RecordPreparer.PROBLEM_LIMIT + 10) + "{\"prompt\": \"p\"}\n");

        ImportException failure = catchThrowableOfType(ImportException.class, () -> fixture.importFiles(bad));

        assertThat(failure.getMessage().lines()).hasSize(3);
        assertThat(failure.getMessage().lines().findFirst().orElseThrow()).startsWith(bad + ":1: unknown field"
                + " 'extra'").endsWith("keeps others in meta) (also on 59 more lines: 2, 3, 4, 5, 6, …)");
        assertThat(failure.getMessage()).contains(bad + ":61: missing required field 'model'")
                .endsWith("(2 problems in all)");
    }

    @Test
    void aBrokenQuoteInACsvStopsThatFileButTheNextFileIsStillChecked() throws Exception {
        Path broken = fixture.write("broken.csv", "prompt,model,response\np,m,\"never closed\n");
        Path next = fixture.write("next.jsonl", "{\"prompt\": \"p\", \"response\": \"r\"}\n");

        ImportException failure = catchThrowableOfType(ImportException.class, () -> fixture.importFiles(broken, next));

        assertThat(failure.getMessage()).startsWith(broken + ":2: not valid CSV");
        assertThat(failure.getMessage()).contains(next + ":1: missing required field 'model'");
    }

    @Test
    void aJsonArrayFileIsReadRowByRowWithTheLineEachObjectStartsOn() throws Exception {
        Path array = fixture.write("rows.json", "[\n  {\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\"},\n"
                + "  {\"prompt\": \"q\",\n   \"model\": \"m\", \"response\": \"s\"}\n]\n");
        Path bad = fixture.write("bad.json", "[\n  {\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\"},\n"
                + "  {\"prompt\": \"q\"}\n]\n");

        assertThat(fixture.importFiles(array).responsesAdded()).isEqualTo(2);
        assertThatThrownBy(() -> fixture.importFiles(bad)).hasMessage(bad + ":3: missing required field 'model'"
                + " (give --model NAME if the whole file is one model's)");
    }

    @Test
    void aTruncatedJsonArraySaysSoInsteadOfUnexpectedEndOfInput() throws Exception {
        Path cut = fixture.write("cut.json", "[\n  {\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\"},\n"
                + "  {\"prompt\": \"q\", \"mod");

        assertThatThrownBy(() -> fixture.importFiles(cut)).hasMessageStartingWith(cut + ":3: the file ends inside"
                + " the JSON array (it was cut short, or a bracket is missing)");
        assertThat(fixture.count("response")).isZero();
    }

    @Test
    void aJsonArrayInAJsonLinesFileIsRefusedWithAPointer() throws Exception {
        Path array = fixture.write("rows.jsonl", "[{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\"}]\n");

        assertThatThrownBy(() -> fixture.importFiles(array)).hasMessage(array + ":1: expected a JSON object, found"
                + " array (a JSON array file must be named .json)");
    }

    @Test
    void unknownFieldsAreKeptInMetaWhenAsked() throws Exception {
        Path file = fixture.write("extra.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"r\","
                + " \"source\": \"web\", \"meta\": {\"batch\": 3}}\n");
        Path csv = fixture.write("extra.csv", "prompt,model,response,source\np,m,r2,forum\n");

        fixture.importFiles(new ImportOptions(null, null, true), file, csv);

        assertThat(fixture.text("SELECT meta_json FROM response WHERE text = 'r'"))
                .isEqualTo("{\"batch\":3,\"source\":\"web\"}");
        assertThat(fixture.text("SELECT meta_json FROM response WHERE text = 'r2'"))
                .isEqualTo("{\"source\":\"forum\"}");
        assertThatThrownBy(() -> fixture.importFiles(csv)).hasMessageStartingWith(csv + ":1: unknown column 'source'");
    }

    @Test
    void emptyResponsesImportWithAWarningNamingTheFirst() throws Exception {
        Path file = fixture.write("empty.jsonl", "{\"prompt\": \"p\", \"model\": \"m\", \"response\": \"\"}\n"
                + "{\"prompt\": \"q\", \"model\": \"m\", \"response\": \"r\"}\n"
                + "{\"prompt\": \"s\", \"model\": \"m\", \"response\": \"  \"}\n");

        ImportSummary summary = fixture.importFiles(file);

        assertThat(summary.warnings()).containsExactly("2 response(s) have no text (the first at " + file + ":1)");
        assertThat(summary.describe()).contains("\nwarning: 2 response(s) have no text");
    }
}
