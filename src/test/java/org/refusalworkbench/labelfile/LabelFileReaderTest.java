package org.refusalworkbench.labelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LabelFileReaderTest {

    static final String HEADER = "{\"record\": \"header\", \"format\": \"refusal-workbench-labels\", \"format_version\": 1,"
            + " \"taxonomy\": {\"id\": \"refusal-default\", \"version\": \"1.0.0\", \"content_hash\": \"abc\"}}\n";
    static final String LABEL = "{\"record\": \"label\", \"response_id\": \"%032x\", \"prompt_id\": \"%032x\","
            + " \"model\": \"m\", \"sample\": 1, \"annotator\": \"ann\", \"selections\": {\"response_type\":"
            + " [\"full_refusal\"]}, \"note\": null, \"created_at\": \"2024-05-01T09:00:00Z\","
            + " \"updated_at\": \"2024-05-01T09:30:00Z\", \"seconds_spent\": 12}\n";

    static String label(long number) {
        return String.format(LABEL, number, number / 5);
    }

    static String end(long records) {
        return "{\"record\": \"end\", \"records\": " + records + "}\n";
    }

    @Test
    void aCompleteFileReadsBackEveryField() throws Exception {
        List<JudgementRecord> records = readAll(HEADER + label(7) + end(1));

        assertThat(records).hasSize(1);
        JudgementRecord record = records.get(0);
        assertThat(record.type()).isEqualTo(RecordType.LABEL);
        assertThat(record.line()).isEqualTo(2);
        assertThat(record.responseId()).isEqualTo("00000000000000000000000000000007");
        assertThat(record.person()).isEqualTo("ann");
        assertThat(record.selections().options("response_type")).containsExactly("full_refusal");
        assertThat(record.updatedAt()).hasToString("2024-05-01T09:30:00Z");
        assertThat(record.secondsSpent()).isEqualTo(12);
    }

    @Test
    void aLastLineCutOffMidRecordIsReportedAsTruncatedWithItsLine() {
        String whole = HEADER + label(1) + label(2);
        String cut = whole.substring(0, whole.length() - 40);

        assertThatThrownBy(() -> readAll(cut))
                .hasMessage("f.jsonl:3: truncated record: the file ends in the middle of this line");
    }

    @Test
    void aFileCutAtALineBreakIsMissingItsEndRecord() {
        assertThatThrownBy(() -> readAll(HEADER + label(1) + label(2)))
                .hasMessageStartingWith("f.jsonl:3: the file ends without its end record");
    }

    @Test
    void anEndRecordCountingOtherThanTheFileHoldsIsRefused() {
        assertThatThrownBy(() -> readAll(HEADER + label(1) + end(2)))
                .hasMessage("f.jsonl:3: the end record counts 2 records but the file holds 1");
    }

    @Test
    void recordsAfterTheEndRecordAreRefused() {
        assertThatThrownBy(() -> readAll(HEADER + label(1) + end(1) + label(2)))
                .hasMessage("f.jsonl:4: records after the end record");
    }

    @Test
    void anotherFormatVersionIsRefusedBeforeAnyOtherCheck() {
        String header = HEADER.replace("\"format_version\": 1", "\"format_version\": 2, \"new_field\": true");

        assertThatThrownBy(() -> readAll(header + end(0)))
                .hasMessage("f.jsonl:1: unsupported format version 2 (this release reads version 1)");
    }

    @Test
    void aFileWithoutTheHeaderIsNotALabelFile() {
        assertThatThrownBy(() -> readAll("{\"prompt\": \"q\", \"model\": \"m\", \"response\": \"r\"}\n"))
                .hasMessageStartingWith("f.jsonl:1: not a label file");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> readAll("")).hasMessageStartingWith("f.jsonl:1: empty file");
    }

    @Test
    void aMisspeltFieldIsAnErrorNotASilentlyEmptyValue() {
        assertThatThrownBy(() -> readAll(HEADER + label(1).replace("\"note\"", "\"notes\"") + end(1)))
                .hasMessageStartingWith("f.jsonl:2: unknown field 'notes'");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> readAll(HEADER + label(1).replace("\"annotator\": \"ann\", ", "") + end(1)))
                .hasMessage("f.jsonl:2: missing required field 'annotator'");
    }

    @Test
    void aResponseIdThatIsNotAContentIdIsRefused() {
        assertThatThrownBy(() -> readAll(HEADER + label(1).replace("00000000000000000000000000000001", "r-1")
                + end(1))).hasMessageStartingWith("f.jsonl:2: 'response_id' must be a content id");
    }

    @Test
    void aTimeThatIsNotIso8601IsRefused() {
        assertThatThrownBy(() -> readAll(HEADER + label(1).replace("2024-05-01T09:30:00Z", "yesterday") + end(1)))
                .hasMessageStartingWith("f.jsonl:2: 'updated_at' must be an ISO-8601 UTC time");
    }

    @Test
    void invalidUtf8IsReportedOnItsLine() {
        byte[] valid = (HEADER + label(1) + end(1)).getBytes(StandardCharsets.UTF_8);
        int noteInLine2 = HEADER.length() + label(1).indexOf("\"ann\"") + 1;
        valid[noteInLine2] = (byte) 0xC3;

        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(valid)))
                .hasMessage("f.jsonl:2: invalid UTF-8 (a label file is always UTF-8)");
    }

    @Test
    void theReaderStreamsNeverReadingMoreThanOneBufferAheadOfTheRecordItReturns() throws Exception {
        long records = 200_000;
        GeneratedLabelStream in = new GeneratedLabelStream(records);
        long recordLength = label(0).getBytes(StandardCharsets.UTF_8).length;
        long read = 0;
        try (LabelFileReader reader = new LabelFileReader(in, "generated.jsonl")) {
            reader.header();
            LabelFileRecord record;
            while ((record = reader.next()) != null) {
                read++;
                long endOfThisRecord = HEADER.length() + read * recordLength;
                assertThat(in.bytesServed() - endOfThisRecord).isLessThanOrEqualTo(64 * 1024);
                assertThat(record.line()).isEqualTo(read + 1);
            }
        }
        assertThat(read).isEqualTo(records);
        assertThat(in.bytesServed()).isGreaterThan(records * recordLength);
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

    /**
     * A label file of any length made up as it is read: nothing but the current line exists, so the test itself
     * never holds the file, and it counts how far the reader has pulled.
     */
    static final class GeneratedLabelStream extends InputStream {
        private final long records;
        private long nextLine;
        private byte[] line = HEADER.getBytes(StandardCharsets.UTF_8);
        private int position;
        private long served;

        GeneratedLabelStream(long records) {
            this.records = records;
        }

        long bytesServed() {
            return served;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == line.length && !advance()) {
                return -1;
            }
            int n = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, n);
            position += n;
            served += n;
            return n;
        }

        private boolean advance() {
            nextLine++;
            if (nextLine > records + 1) {
                return false;
            }
            line = (nextLine <= records ? label(nextLine) : end(records)).getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }
    }
}
