package org.refusalworkbench.importing;

/** A problem in a ratings file, reported as {@code FILE:LINE: reason} (or {@code FILE: reason} without a line). */
public final class RatingsFileException extends Exception {
    private static final long serialVersionUID = 1L;

    RatingsFileException(String file, long line, String reason) {
        super(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
    }
}
