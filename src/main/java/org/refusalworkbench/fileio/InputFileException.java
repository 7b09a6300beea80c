package org.refusalworkbench.fileio;

/**
 * A problem in an input file, reported as {@code FILE:LINE: reason} so an editor can jump straight to it; a problem
 * with the file as a whole (missing, a folder, unreadable) has line 0 and reads {@code FILE: reason}.
 */
public abstract class InputFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String reason;

    protected InputFileException(String file, long line, String reason) {
        super(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
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
