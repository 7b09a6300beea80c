package org.refusalworkbench.fileio;

/** A problem in an input file, reported as {@code FILE:LINE: reason} so an editor can jump straight to it. */
public abstract class InputFileException extends Exception {

    private final String file;
    private final long line;
    private final String reason;

    protected InputFileException(String file, long line, String reason) {
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
