package org.refusalworkbench.fileio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines of strict UTF-8 through a fixed buffer with exact line numbers and a length cap, so memory is one
 * line whatever the file's size. A JDK reader decodes ahead of the line it returns and replaces bad bytes silently;
 * here invalid UTF-8 and oversized lines are errors on the line that has them. It remembers whether the last line
 * ended with a line break, which tells a file cut off mid-line apart. A UTF-8 byte-order mark is skipped.
 *
 * <p>A line ends at LF, at CR LF, or at a CR on its own, as editors count lines: a file saved with old Mac line
 * endings is read line by line instead of as one line, and every line number is the one an editor shows.
 */
public final class StrictLineReader implements AutoCloseable {

    /** A line that cannot be read: too long, not UTF-8, or (read as JSON) not one valid JSON value of text. */
    public static final class LineException extends Exception {
        private static final long serialVersionUID = 1L;

        /** What is wrong, so callers can word it for their own files. */
        public enum Kind { TOO_LONG, INVALID_UTF8, INVALID_JSON, TRUNCATED_JSON, NOT_ONE_VALUE }

        private final long line;
        private final Kind kind;
        private final String reason;

        LineException(long line, Kind kind, String reason) {
            super(line + ": " + reason);
            this.line = line;
            this.kind = kind;
            this.reason = reason;
        }

        public long line() {
            return line;
        }

        public Kind kind() {
            return kind;
        }

        public String reason() {
            return reason;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
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
    private boolean lastLineEnded = true;
    /** The last line ended at a CR, so an LF right after it belongs to the same line break. */
    private boolean afterCarriageReturn;

    public StrictLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** @return the next line without its line ending, or {@code null} at the end */
    public String readLine() throws IOException, LineException {
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
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (buffer[position] == '\n') {
                    position++;
                    bytesRead++;
                    continue;
                }
            }
            sawAny = true;
            int end = position;
            while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
                end++;
            }
            int chunk = end - position;
            if ((long) length + chunk > maxLineBytes) {
                throw new LineException(lineNumber + 1, LineException.Kind.TOO_LONG,
                        "line is longer than " + maxLineBytes / (1024 * 1024) + " MB");
            }
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(buffer, position, line, length, chunk);
            length += chunk;
            bytesRead += chunk;
            position = end;
            if (end < limit) {
                afterCarriageReturn = buffer[end] == '\r';
                position++;
                bytesRead++;
                ended = true;
            }
        }
        lastLineEnded = ended;
        lineNumber++;
        int offset = 0;
        if (firstLine && length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
            offset = 3;
        }
        firstLine = false;
        try {
            return decoder.decode(ByteBuffer.wrap(line, offset, length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new LineException(lineNumber, LineException.Kind.INVALID_UTF8, "invalid UTF-8");
        }
    }

    public long lineNumber() {
        return lineNumber;
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** Whether the line last returned ended with a line break (false for a file cut off mid-line). */
    public boolean lastLineEnded() {
        return lastLineEnded;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
