package org.refusalworkbench.fileio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StrictLineReaderTest {

    @Test
    void lfCrLfAndALoneCrEachEndOneLineEvenWhenTheInputArrivesAByteAtATime() throws Exception {
        List<String> lines = new ArrayList<>();
        try (StrictLineReader reader = new StrictLineReader(oneByteAtATime("a\r\nb\rc\nd\r\r\ne\r"
                .getBytes(StandardCharsets.UTF_8)), 1024)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line + "@" + reader.lineNumber());
            }
        }

        assertThat(lines).containsExactly("a@1", "b@2", "c@3", "d@4", "@5", "e@6");
    }

    @Test
    void theUtf8ReaderHandsOutEverythingBeforeABadByteAndNamesItsLine() throws Exception {
        byte[] bytes = "one\r\ntwo\rthree\nx".getBytes(StandardCharsets.UTF_8);
        byte[] withBadByte = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        withBadByte[bytes.length] = (byte) 0xC3;
        StringWriter read = new StringWriter();
        long line = 0;
        try (StrictUtf8Reader reader = new StrictUtf8Reader(oneByteAtATime(withBadByte))) {
            char[] buffer = new char[3];
            int n;
            while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
                read.write(buffer, 0, n);
            }
        } catch (StrictUtf8Reader.InvalidUtf8Exception e) {
            line = e.line();
        }

        assertThat(read).hasToString("one\r\ntwo\rthree\nx");
        assertThat(line).isEqualTo(4);
    }

    private static InputStream oneByteAtATime(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] target, int offset, int length) {
                return super.read(target, offset, Math.min(length, 1));
            }
        };
    }
}
