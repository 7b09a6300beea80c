package org.refusalworkbench.fileio;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes strict UTF-8 for a parser that reads ahead (CSV), and names the physical line of the first bad byte. A JDK
 * {@code InputStreamReader} fails as soon as it decodes ahead into a bad byte, so the parser reports the line of the
 * row it happened to be on, often line 1. This reader hands out every character before the bad byte first and fails
 * only when more is asked for, with the line counted in the characters it handed out (LF, CR LF and a CR on its own
 * each end a line, as in {@link StrictLineReader}).
 */
public final class StrictUtf8Reader extends Reader {

    /** The input is not UTF-8 at {@link #line()}. */
    public static final class InvalidUtf8Exception extends IOException {
        private static final long serialVersionUID = 1L;

        private final long line;

        InvalidUtf8Exception(long line) {
            super("invalid UTF-8 on line " + line);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13).flip();
    private boolean endOfInput;
    private boolean invalid;
    private long lineBreaks;
    private boolean afterCarriageReturn;

    public StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (invalid) {
            throw new InvalidUtf8Exception(lineBreaks + 1);
        }
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (out.position() == offset) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                invalid = true;
                break;
            }
            if (result.isUnderflow()) {
                if (endOfInput) {
                    decoder.flush(out);
                    break;
                }
                if (out.position() > offset) {
                    break;
                }
                fill();
            }
        }
        int produced = out.position() - offset;
        countLineBreaks(target, offset, produced);
        if (produced == 0) {
            if (invalid) {
                throw new InvalidUtf8Exception(lineBreaks + 1);
            }
            return -1;
        }
        return produced;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void countLineBreaks(char[] chars, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            char c = chars[i];
            if (c == '\r' || (c == '\n' && !afterCarriageReturn)) {
                lineBreaks++;
            }
            afterCarriageReturn = c == '\r';
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
