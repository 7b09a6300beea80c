package org.refusalworkbench.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines of strict UTF-8 with exact line numbers and a length cap. A JDK reader decodes ahead of the line it
 * returns and replaces bad bytes silently; here invalid UTF-8 and oversized lines are errors on the line that has
 * them.
 */
final class Utf8LineReader implements AutoCloseable {

    static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    private final InputStream in;
    private final String file;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1 << 12];
    private long lineNumber;
    private long bytesRead;
    private boolean firstLine = true;

    Utf8LineReader(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    /** @return the next line without its line ending, or {@code null} at the end */
    String readLine() throws IOException, ImportException {
        int length = 0;
        boolean sawAny = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            int start = position;
            int newline = -1;
            for (int i = start; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline >= 0 ? newline : limit;
            int chunk = end - start;
            if ((long) length + chunk > MAX_LINE_BYTES) {
                throw new ImportException(file, lineNumber + 1, "line is longer than "
                        + MAX_LINE_BYTES / (1024 * 1024) + " MB");
            }
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            bytesRead += chunk;
            position = end;
            if (newline >= 0) {
                position++;
                bytesRead++;
                break;
            }
        }
        lineNumber++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int offset = 0;
        if (firstLine && length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
            offset = 3;
        }
        firstLine = false;
        try {
            return decoder.decode(ByteBuffer.wrap(line, offset, length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new ImportException(file, lineNumber, "invalid UTF-8 (the file must be saved as UTF-8)");
        }
    }

    long lineNumber() {
        return lineNumber;
    }

    long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
