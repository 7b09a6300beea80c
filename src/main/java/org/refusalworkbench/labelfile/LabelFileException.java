package org.refusalworkbench.labelfile;

import org.refusalworkbench.fileio.InputFileException;

/** A problem in a label file (or mapping file), reported as {@code FILE:LINE: reason}. */
public final class LabelFileException extends InputFileException {
    private static final long serialVersionUID = 1L;

    public LabelFileException(String file, long line, String reason) {
        super(file, line, reason);
    }
}
