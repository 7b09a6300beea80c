package org.refusalworkbench.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How each response format splits a file into lines and records, and names the line of a problem. */
class LineRulesTest {

    /** Three records in each format; the second spans lines 3 to 5 in the CSV formats (a quoted cell). */
    enum Sample {
        JSONL("r.jsonl", "", """
                {"prompt": "q1", "model": "m", "response": "one"}
                {"prompt": "q2", "model": "m", "response": "two\\nlines"}
                {"prompt": "q3", "model": "m", "response": "three"}
                """),
        CSV("r.csv", "prompt,model,response\n", """
                q1,m,one
                q2,m,"two
                and
                more"
                q3,m,three
                """),
        XSTEST("xstest_v2_completions_m.csv",
                "id,type,prompt,completion,annotation_1,annotation_2,agreement,final_label\n", """
                v2-1,homonyms,q1,one,1_full_compliance,1_full_compliance,TRUE,1_full_compliance
                v2-2,homonyms,q2,"two
                and
                more",2_full_refusal,2_full_refusal,TRUE,2_full_refusal
                v2-3,contrast_homonyms,q3,three,2_full_refusal,3_partial_refusal,FALSE,2_full_refusal
                """);

        final String name;
        final String header;
        final String records;

        Sample(String name, String header, String records) {
            this.name = name;
            this.header = header;
            this.records = records;
        }

        String text() {
            return header + records;
        }

        /** The file name with {@code variant} before the extension, which keeps an XSTest name an XSTest name. */
        String named(String variant) {
            int dot = name.lastIndexOf('.');
            return name.substring(0, dot) + "-" + variant + name.substring(dot);
        }
    }

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
    void twoJsonValuesOnOneLineAreRefusedWithTheLine() throws Exception {
        Path bad = fixture.write("r.jsonl", "{\"prompt\": \"q1\", \"model\": \"m\", \"response\": \"one\"}\n"
                + "{\"prompt\": \"q2\", \"model\": \"m\", \"response\": \"two\"} {\"prompt\": \"q3\", \"model\": \"m\","
                + " \"response\": \"three\"}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad)).isInstanceOf(ImportException.class)
                .hasMessage(bad + ":2: a second JSON value follows the first at character 51; each line holds one value");
        assertThat(fixture.allCounts()).containsOnly(0L);
    }

    @Test
    void aSecondJsonValueInACsvCellIsRefusedWithTheLineAndColumn() throws Exception {
        Path bad = fixture.write("r.csv", "prompt,model,response,labels\nq1,m,one,\n"
                + "q2,m,two,\"{\"\"a\"\": {\"\"selections\"\": {\"\"response_type\"\": \"\"full_refusal\"\"}}}"
                + " {\"\"b\"\": {\"\"selections\"\": {\"\"response_type\"\": \"\"full_compliance\"\"}}}\"\n");

        assertThatThrownBy(() -> fixture.importFiles(bad)).isInstanceOf(ImportException.class)
                .hasMessage(bad + ":3: column 'labels': a second JSON value follows the first at character 58");
        assertThat(fixture.allCounts()).containsOnly(0L);
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void crOnlyLineEndingsReadEveryRecordAndNameTheLineOfAProblem(Sample sample) throws Exception {
        Path file = fixture.write(sample.name, sample.text().replace('\n', '\r'));

        assertThat(fixture.importFiles(file).records()).isEqualTo(3);

        Path bad = fixture.write(sample.named("bad"), withInvalidUtf8(sample.text().replace('\n', '\r'), "q3"));
        assertThatThrownBy(() -> fixture.importFiles(bad))
                .hasMessage(bad + ":" + (sample == Sample.JSONL ? 3 : 6) + ": invalid UTF-8 (the file must be saved"
                        + " as UTF-8)");
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void aBadRecordInACrOnlyFileIsNamedOnTheLineAnEditorShows(Sample sample) throws Exception {
        String lastRecordDamaged = sample.text().replaceFirst("three([^\n]*)\n$", "three$1,extra\n");
        Path bad = fixture.write(sample.name, lastRecordDamaged.replace('\n', '\r'));

        assertThatThrownBy(() -> fixture.importFiles(bad))
                .hasMessageStartingWith(bad + ":" + (sample == Sample.JSONL ? 3 : 6) + ": ");
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void crLfLineEndingsReadLikeLf(Sample sample) throws Exception {
        Path file = fixture.write(sample.name, sample.text().replace("\n", "\r\n"));

        assertThat(fixture.importFiles(file).records()).isEqualTo(3);
    }

    @Test
    void aLoneSurrogateEscapeInJsonlIsRefusedWithItsLineAndField() throws Exception {
        Path bad = fixture.write("r.jsonl", "{\"prompt\": \"q1\", \"model\": \"m\", \"response\": \"one\"}\n"
                + "{\"prompt\": \"q2\", \"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"q2\"},"
                + " {\"role\": \"assistant\", \"content\": \"half \\ud800 a pair\"}]}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad)).isInstanceOf(ImportException.class)
                .hasMessage(bad + ":2: 'messages[1].content' holds \\ud800, half of a UTF-16 surrogate pair without"
                        + " its other half, which is not text and cannot be stored as written");
        assertThat(fixture.allCounts()).containsOnly(0L);
    }

    @Test
    void responsesThatDifferOnlyInTheirLoneSurrogateAreNeverMergedIntoOne() throws Exception {
        Path bad = fixture.write("r.jsonl", """
                {"prompt": "q", "model": "m", "response": "a\\ud800"}
                {"prompt": "q", "model": "m", "response": "a\\udbff"}
                """);

        assertThatThrownBy(() -> fixture.importFiles(bad)).hasMessageStartingWith(bad + ":1: 'response' holds \\ud800");
        assertThat(fixture.allCounts()).containsOnly(0L);
    }

    @Test
    void aLoneSurrogateInAFieldNameIsRefused() throws Exception {
        Path bad = fixture.write("r.jsonl", "{\"prompt\": \"q\", \"model\": \"m\", \"response\": \"r\","
                + " \"meta\": {\"k\\udc00\": 1}}\n");

        assertThatThrownBy(() -> fixture.importFiles(bad))
                .hasMessageStartingWith(bad + ":1: a field name in 'meta' holds \\udc00");
    }

    @Test
    void aLoneSurrogateEscapeInACsvJsonCellIsRefusedWithItsColumnAndField() throws Exception {
        Path bad = fixture.write("r.csv", "prompt,model,response,labels\n"
                + "q2,m,two,\"{\"\"a\"\": {\"\"selections\"\": {\"\"response_type\"\": \"\"full_refusal\"\"},"
                + " \"\"note\"\": \"\"\\udfff\"\"}}\"\n");

        assertThatThrownBy(() -> fixture.importFiles(bad))
                .hasMessageStartingWith(bad + ":2: 'labels.a.note' holds \\udfff");
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void blankLinesBetweenRecordsAndAtTheEndAreSkipped(Sample sample) throws Exception {
        String records = sample.records;
        int afterFirst = records.indexOf('\n') + 1;
        Path file = fixture.write(sample.name, sample.header + records.substring(0, afterFirst) + "\n  \n"
                + records.substring(afterFirst) + "\n");

        ImportSummary summary = fixture.importFiles(file);

        assertThat(summary.records()).isEqualTo(3);
        assertThat(summary.responsesAdded()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void invalidUtf8IsReportedOnThePhysicalLineOfTheBadByte(Sample sample) throws Exception {
        Path inQuotedCell = fixture.write(sample.named("a"), withInvalidUtf8(sample.text(), "and"));
        Path later = fixture.write(sample.named("b"), withInvalidUtf8(sample.text(), "three"));
        int headerLines = sample == Sample.JSONL ? 0 : 1;

        if (sample != Sample.JSONL) {
            assertThatThrownBy(() -> fixture.importFiles(inQuotedCell))
                    .hasMessage(inQuotedCell + ":4: invalid UTF-8 (the file must be saved as UTF-8)");
        }
        assertThatThrownBy(() -> fixture.importFiles(later)).hasMessage(later + ":"
                + (sample == Sample.JSONL ? 3 : headerLines + 5) + ": invalid UTF-8 (the file must be saved as UTF-8)");
        assertThat(fixture.allCounts()).containsOnly(0L);
    }

    @Test
    void invalidUtf8FarIntoACsvFileNamesItsLineNotTheFirst() throws Exception {
        StringBuilder text = new StringBuilder("prompt,model,response\n");
        for (int i = 1; i <= 500; i++) {
            text.append("q").append(i).append(",m,response number ").append(i).append('\n');
        }
        text.append("late,m,caf\u00e9\n");
        Path bad = fixture.write("r.csv", withInvalidUtf8(text.toString(), "caf"));

        assertThatThrownBy(() -> fixture.importFiles(bad))
                .hasMessage(bad + ":502: invalid UTF-8 (the file must be saved as UTF-8)");
    }

    /** The text as UTF-8 with a Latin-1 byte (not UTF-8) right after the first occurrence of {@code before}. */
    private static byte[] withInvalidUtf8(String text, String before) {
        int at = text.indexOf(before) + before.length();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
