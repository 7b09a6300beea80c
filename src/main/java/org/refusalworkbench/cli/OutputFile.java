package org.refusalworkbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a file a command is asked to write before any work is done: a missing folder otherwise surfaced after
 * the whole export or report, as a stack trace naming a temporary file.
 */
final class OutputFile {

    private OutputFile() {
    }

    static void requireWritable(Path file) throws UserInputException {
        Path folder = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new UserInputException(file + ": is a folder; give a file name");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // The file is written beside the target and moved over it: that would replace a device such as
            // /dev/null or /dev/stdout with a plain file.
            throw new UserInputException(file + ": is not a regular file; give a file name, or leave out -o to"
                    + " write to standard output");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserInputException(file + ": no such folder " + folder);
        }
        if (!Files.isWritable(folder)) {
            throw new UserInputException(file + ": cannot write in " + folder);
        }
    }
}
