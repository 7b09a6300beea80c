package org.refusalworkbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the first invalid UTF-8 sequence of a file; only used once decoding has already failed. */
final class Utf8Lines {
    private Utf8Lines() {
    }

    /** 1-based line of the first malformed or unmappable byte sequence, or -1 if the file is valid. */
    static long firstInvalidLine(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = stream.read(in.array(), in.position(), in.remaining());
                end = read < 0;
                if (!end) {
                    in.position(in.position() + read);
                }
                in.flip();
                CoderResult result = decoder.decode(in, out, end);
                line += newlines(out);
                if (result.isError()) {
                    return line;
                }
                in.compact();
            }
            CoderResult flush = decoder.flush(out);
            return flush.isError() ? line + newlines(out) : -1;
        }
    }

    private static long newlines(CharBuffer out) {
        out.flip();
        long count = 0;
        while (out.hasRemaining()) {
            if (out.get() == '\n') {
                count++;
            }
        }
        out.clear();
        return count;
    }
}
