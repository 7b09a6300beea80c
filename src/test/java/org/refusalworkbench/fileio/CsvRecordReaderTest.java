package org.refusalworkbench.fileio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.junit.jupiter.api.Test;

/** Our CSV reader must read exactly what Jackson's CSV parser reads; it exists only to be faster. */
class CsvRecordReaderTest {

    private static final String[] PIECES = {"a", "unit-17", "rater b", "", " ", ",", "\"", "\n", "\r\n", "x|y|z",
        "é", "日本", "0.5", "-3", "\t"};

    @Test
    void readsTheSameRecordsAsJacksonOnRandomQuotedInput() throws Exception {
        SplittableRandom random = new SplittableRandom(2024);
        for (int file = 0; file < 300; file++) {
            String csv = randomCsv(random);

            assertThat(ours(csv)).as("file %d:%n%s", file, csv).isEqualTo(jackson(csv));
        }
    }

    @Test
    void readsTheSameRecordsWhenFieldsRunPastTheEndOfEachRead() throws Exception {
        SplittableRandom random = new SplittableRandom(77);
        for (int file = 0; file < 100; file++) {
            String csv = randomCsv(random);
            long seed = random.nextLong();

            assertThat(ours(new TricklingStream(csv.getBytes(StandardCharsets.UTF_8), seed)))
                    .as("file %d:%n%s", file, csv).isEqualTo(jackson(csv));
        }
    }

    @Test
    void readsTheSameRecordsAcrossItsOwnBufferBoundaries() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder csv = new StringBuilder();
        while (csv.length() < 300_000) {
            csv.append(randomCsv(random)).append('\n');
        }

        assertThat(ours(csv.toString())).isEqualTo(jackson(csv.toString()));
    }

    @Test
    void reportsTheLineEachRecordStartsOn() throws Exception {
        String csv = "unit,rater,value\nu1,a,\"multi\nline\"\r\nu2,b,x\n\nu3,c,y";
        try (CsvRecordReader parser = parser(csv)) {
            String[] fields = new String[3];
            List<Long> lines = new ArrayList<>();
            while (parser.next(fields) >= 0) {
                lines.add(parser.recordLine());
            }
            assertThat(lines).containsExactly(1L, 2L, 4L, 5L, 6L);
        }
    }

    @Test
    void invalidUtf8IsAnErrorNotAReplacementCharacter() throws Exception {
        byte[] bytes = "unit,rater,value\nu1,a,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        try (CsvRecordReader parser = new CsvRecordReader(new ByteArrayInputStream(bytes))) {
            String[] fields = new String[3];
            parser.next(fields);
            assertThatThrownBy(() -> parser.next(fields)).isInstanceOf(CharacterCodingException.class);
            assertThat(parser.recordLine()).isEqualTo(2);
        }
    }

    private static String randomCsv(SplittableRandom random) {
        StringBuilder csv = new StringBuilder();
        int records = 1 + random.nextInt(6);
        for (int r = 0; r < records; r++) {
            int fields = 1 + random.nextInt(4);
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    csv.append(',');
                }
                StringBuilder value = new StringBuilder();
                int parts = random.nextInt(3);
                for (int p = 0; p < parts; p++) {
                    value.append(PIECES[random.nextInt(PIECES.length)]);
                }
                String text = value.toString();
                boolean mustQuote = text.contains(",") || text.contains("\"") || text.contains("\n")
                        || text.contains("\r");
                if (mustQuote || random.nextInt(5) == 0) {
                    csv.append('"').append(text.replace("\"", "\"\"")).append('"');
                } else {
                    csv.append(text);
                }
            }
            if (r < records - 1 || random.nextBoolean()) {
                csv.append(random.nextBoolean() ? "\n" : "\r\n");
            }
        }
        return csv.toString();
    }

    private static List<List<String>> ours(String csv) throws Exception {
        return ours(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<List<String>> ours(InputStream in) throws Exception {
        List<List<String>> records = new ArrayList<>();
        try (CsvRecordReader parser = new CsvRecordReader(in)) {
            String[] fields = new String[8];
            int count;
            while ((count = parser.next(fields)) >= 0) {
                records.add(List.copyOf(Arrays.asList(fields).subList(0, count)));
            }
        }
        return records;
    }

    private static List<List<String>> jackson(String csv) throws Exception {
        List<List<String>> records = new ArrayList<>();
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).with(CsvSchema.emptySchema())
                .readValues(new StringReader(csv))) {
            while (rows.hasNextValue()) {
                records.add(List.of(rows.nextValue()));
            }
        }
        return records;
    }

    /** Hands out one to five bytes per read, as a pipe or a slow disk may, so fields straddle every read. */
    private static final class TricklingStream extends InputStream {
        private final byte[] bytes;
        private final SplittableRandom random;
        private int position;

        TricklingStream(byte[] bytes, long seed) {
            this.bytes = bytes;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position == bytes.length) {
                return -1;
            }
            int count = Math.min(Math.min(length, 1 + random.nextInt(5)), bytes.length - position);
            System.arraycopy(bytes, position, target, offset, count);
            position += count;
            return count;
        }
    }

    private static CsvRecordReader parser(String csv) {
        return new CsvRecordReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
