package org.refusalworkbench.fileio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file whole or not at all: into a temporary file beside the target, moved into place once complete, so a
 * failed export or report never leaves half a file where a complete one is expected.
 * <p>
 * The temporary file is created like any new file, so the user's umask sets its mode (0644 under 022), as it would
 * for the same output redirected from standard output. {@code Files.createTempFile} would make it 0600, and a lead
 * on another account could not read a labeler's label file.
 */
public final class WholeFile {

    /** Writes the content and returns what the writing reports (a summary, say). */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    private WholeFile() {
    }

    public static <T> T write(Path target, Content<T> content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            T result;
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                result = content.writeTo(out);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
