package org.refusalworkbench.importing;

import org.refusalworkbench.fileio.InputFileException;

/** A problem in a response file, reported as {@code FILE:LINE: reason}. */
public final class ImportException extends InputFileException {
    private static final long serialVersionUID = 1L;

    public ImportException(String file, long line, String reason) {
        super(file, line, reason);
    }
}
