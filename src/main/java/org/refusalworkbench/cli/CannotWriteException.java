package org.refusalworkbench.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A file the command was asked to write could not be written because of where it goes (a full disk, a read-only
 * folder, no permission): one plain line naming the file, exit code 2, never a stack trace.
 */
final class CannotWriteException extends Exception {
    private static final long serialVersionUID = 1L;

    CannotWriteException(String message) {
        super(message);
    }

    /**
     * For a file written whole or not at all ({@link org.refusalworkbench.fileio.WholeFile}): whatever stood at
     * {@code target} before is untouched.
     */
    static CannotWriteException writingWhole(Path target, IOException failure) {
        return new CannotWriteException(target + ": cannot write it (" + reason(failure) + "); nothing was written"
                + " and any earlier file of that name is unchanged");
    }

    /** What an I/O failure means for the person at the command line. */
    static String reason(IOException failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
            return "the disk is full";
        }
        if (message.contains("Read-only file system")) {
            return "the file system is read-only";
        }
        if (failure instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason() + ": " + fileSystem.getFile();
        }
        return message;
    }
}
