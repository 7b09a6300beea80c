package org.refusalworkbench.labelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.refusalworkbench.labelfile.LabelFileReaderTest.HEADER;
import static org.refusalworkbench.labelfile.LabelFileReaderTest.end;
import static org.refusalworkbench.labelfile.LabelFileReaderTest.label;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What a label file's header and records may hold beyond their shape: the format version, times, names. */
class LabelFileRecordChecksTest {

    private static final String VERSION_ONE = "\"format_version\": 1";

    @ParameterizedTest
    @ValueSource(strings = {"0", "1.1", "\"1\"", "null", "-1", "1e400", "[1]"})
    void aFormatVersionOtherThanOneIsUnsupportedWhateverItsType(String version) {
        String header = HEADER.replace(VERSION_ONE, "\"format_version\": " + version);

        assertThatThrownBy(() -> readAll(header + end(0))).isInstanceOf(LabelFileException.class)
                .hasMessageStartingWith("f.jsonl:1: unsupported format version ")
                .hasMessageEndingWith(" (this release reads version 1)");
    }

    @Test
    void aMissingFormatVersionIsUnsupported() {
        String header = HEADER.replace(VERSION_ONE + ",", "");

        assertThatThrownBy(() -> readAll(header + end(0)))
                .hasMessage("f.jsonl:1: unsupported format version: none given (this release reads version 1)");
    }

    @Test
    void aFormatVersionWrittenAsOnePointZeroIsVersionOne() throws Exception {
        String header = HEADER.replace(VERSION_ONE, "\"format_version\": 1.0");

        assertThat(readAll(header + label(1) + end(1))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"created_at", "updated_at"})
    void aTimeMoreThanADayInTheFutureIsRefusedWithItsLineAndField(String field) {
        String future = Instant.now().plus(Duration.ofHours(25)).truncatedTo(ChronoUnit.SECONDS).toString();
        String record = label(1).replaceFirst("\"" + field + "\": \"[^\"]*\"", "\"" + field + "\": \"" + future + "\"");

        assertThatThrownBy(() -> readAll(HEADER + record + end(1)))
                .hasMessage("f.jsonl:2: '" + field + "' is " + future + ", more than a day in the future;"
                        + " check the clock of the workstation that wrote this file");
    }

    @Test
    void aTimeInTheYearTenThousandIsRefused() {
        String record = label(1).replace("2024-05-01T09:30:00Z", "+10000-01-01T00:00:00Z");

        assertThatThrownBy(() -> readAll(HEADER + record + end(1)))
                .hasMessageStartingWith("f.jsonl:2: 'updated_at' is +10000-01-01T00:00:00Z, more than a day in the future");
    }

    @Test
    void aTimeAFewHoursAheadIsClockSkewAndAccepted() throws Exception {
        String soon = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS).toString();

        assertThat(readAll(HEADER + label(1).replace("2024-05-01T09:30:00Z", soon) + end(1)))
                .extracting(JudgementRecord::updatedAt).containsExactly(Instant.parse(soon));
    }

    @Test
    void theHeadersExportTimeIsCheckedLikeEveryOtherTime() {
        String header = HEADER.replace(VERSION_ONE, VERSION_ONE + ", \"exported_at\": \"last week\"");
        String future = HEADER.replace(VERSION_ONE, VERSION_ONE + ", \"exported_at\": \"+10000-01-01T00:00:00Z\"");

        assertThatThrownBy(() -> readAll(header + end(0)))
                .hasMessageStartingWith("f.jsonl:1: 'exported_at' must be an ISO-8601 UTC time");
        assertThatThrownBy(() -> readAll(future + end(0)))
                .hasMessageStartingWith("f.jsonl:1: 'exported_at' is +10000-01-01T00:00:00Z, more than a day");
    }

    @Test
    void aBlankAnnotatorOrReviewerNameIsRefusedWithItsLine() {
        for (String name : List.of("", " ", "\\n")) {
            assertThatThrownBy(() -> readAll(HEADER + label(1).replace("\"annotator\": \"ann\"",
                    "\"annotator\": \"" + name + "\"") + end(1))).as(name)
                    .hasMessage("f.jsonl:2: missing required field 'annotator'");
        }
    }

    private static List<JudgementRecord> readAll(String text) throws Exception {
        List<JudgementRecord> records = new ArrayList<>();
        try (LabelFileReader reader = new LabelFileReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "f.jsonl")) {
            reader.header();
            LabelFileRecord record;
            while ((record = reader.next()) != null) {
                records.add((JudgementRecord) record);
            }
        }
        return records;
    }
}
