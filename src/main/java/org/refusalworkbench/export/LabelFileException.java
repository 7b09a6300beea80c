package org.refusalworkbench.export;

/** A problem in a label file (or mapping file), reported as {@code FILE:LINE: reason}. */
public final class LabelFileException extends Exception {

    private final String file;
    private final long line;
    private final String reason;

    public LabelFileException(String file, long line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
