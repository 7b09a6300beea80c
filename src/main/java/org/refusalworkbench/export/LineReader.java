package org.refusalworkbench.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one line at a time through a fixed buffer with exact line numbers: memory is one line (capped) whatever
 * the file's size. Invalid UTF-8 is an error on its own line rather than a silent replacement character, and the
 * reader remembers whether the last line ended with a line break, which tells a truncated file apart.
 */
final class LineReader implements AutoCloseable {

    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

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
    private boolean lastLineEnded = true;

    LineReader(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    /** @return the next line without its line ending, or {@code null} at the end of the input */
    String readLine() throws IOException, LabelFileException {
        int length = 0;
        boolean sawAny = false;
        boolean ended = false;
        while (!ended) {
            if (position == limit) {
                limit = Math.max(in.read(buffer), 0);
                position = 0;
                if (limit == 0) {
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int chunk = end - position;
            if ((long) length + chunk > MAX_LINE_BYTES) {
                throw new LabelFileException(file, lineNumber + 1,
                        "line is longer than " + MAX_LINE_BYTES / (1024 * 1024) + " MB");
            }
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(buffer, position, line, length, chunk);
            length += chunk;
            bytesRead += chunk;
            position = end;
            if (end < limit) {
                position++;
                bytesRead++;
                ended = true;
            }
        }
        lineNumber++;
        lastLineEnded = ended;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            return decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new LabelFileException(file, lineNumber, "invalid UTF-8 (a label file is always UTF-8)");
        }
    }

    long lineNumber() {
        return lineNumber;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** Whether the line last returned ended with a line break (false for a file cut off mid-line). */
    boolean lastLineEnded() {
        return lastLineEnded;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
