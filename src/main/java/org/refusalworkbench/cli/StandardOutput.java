package org.refusalworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a failed write to standard output is something the person must hear. A full disk or a full device cuts
 * the output short without anyone choosing it: that is an error. A reader that closes its end of a pipe early
 * ({@code rw stats p | grep -q x}, {@code | head}) has all it wanted: writing then fails too, but the command did
 * its work, as for any Unix tool, so it is no error.
 */
final class StandardOutput {

    /** How Linux names a pipe behind a file descriptor. */
    private static final Path STDOUT_LINK = Path.of("/proc/self/fd/1");

    private StandardOutput() {
    }

    /** {@code writeFailed}, unless standard output is a pipe, where a failed write means its reader left. */
    static boolean lostOutput(boolean writeFailed) {
        return writeFailed && !isPipe();
    }

    /** Where the system cannot tell (no /proc), a failed write counts as an error: better said than lost. */
    private static boolean isPipe() {
        try {
            return Files.readSymbolicLink(STDOUT_LINK).toString().startsWith("pipe:");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
