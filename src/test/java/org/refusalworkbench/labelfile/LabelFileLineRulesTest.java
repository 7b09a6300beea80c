package org.refusalworkbench.labelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.refusalworkbench.labelfile.LabelFileReaderTest.HEADER;
import static org.refusalworkbench.labelfile.LabelFileReaderTest.end;
import static org.refusalworkbench.labelfile.LabelFileReaderTest.label;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a label file is split into lines, and which line a problem is named on. */
class LabelFileLineRulesTest {

    @Test
    void twoRecordsOnOneLineAreRefusedOnThatLine() {
        String first = label(1).replace("\n", " ");

        assertThatThrownBy(() -> readAll(HEADER + first + label(2) + end(2)))
                .isInstanceOf(LabelFileException.class)
                .hasMessage("f.jsonl:2: a second JSON value follows the first at character " + (first.length() + 1)
                        + "; each line holds one value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\r\n"})
    void crAndCrLfLineEndingsReadEveryRecordOnItsLine(String lineBreak) throws Exception {
        List<JudgementRecord> records = readAll((HEADER + label(1) + label(2) + end(2)).replace("\n", lineBreak));

        assertThat(records).extracting(JudgementRecord::line).containsExactly(2L, 3L);
    }

    @Test
    void aLoneSurrogateInANoteIsRefusedWithItsLineAndField() {
        assertThatThrownBy(() -> readAll(HEADER + label(1) + label(2).replace("\"note\": null",
                "\"note\": \"x\\ud800\"") + end(2)))
                .hasMessage("f.jsonl:3: 'note' holds \\ud800, half of a UTF-16 surrogate pair without its other half,"
                        + " which is not text and cannot be stored as written");
    }

    @Test
    void invalidUtf8InACrOnlyFileIsReportedOnItsLine() {
        String text = (HEADER + label(1) + label(2) + end(2)).replace('\n', '\r');
        int inThirdLine = text.indexOf("\"ann\"", HEADER.length() + label(1).length()) + 1;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.substring(0, inThirdLine).getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF);
        bytes.writeBytes(text.substring(inThirdLine).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(bytes.toByteArray())))
                .hasMessage("f.jsonl:3: invalid UTF-8 (a label file is always UTF-8)");
    }

    private static List<JudgementRecord> readAll(String text) throws Exception {
        return readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<JudgementRecord> readAll(InputStream in) throws Exception {
        List<JudgementRecord> records = new ArrayList<>();
        try (LabelFileReader reader = new LabelFileReader(in, "f.jsonl")) {
            reader.header();
            LabelFileRecord record;
            while ((record = reader.next()) != null) {
                records.add((JudgementRecord) record);
            }
        }
        return records;
    }
}
