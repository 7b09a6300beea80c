package org.refusalworkbench.agreement;

/**
 * A rating that cannot be used. {@link #ratingIndex()} is the 0-based position of the offending
 * {@code add} call on the builder (or -1 when the problem concerns the table as a whole), so a
 * reader can map it back to a line of its input.
 */
public final class InvalidRatingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int ratingIndex;
    private final int earlierRatingIndex;

    public InvalidRatingException(String message, int ratingIndex) {
        this(message, ratingIndex, -1);
    }

    public InvalidRatingException(String message, int ratingIndex, int earlierRatingIndex) {
        super(message);
        this.ratingIndex = ratingIndex;
        this.earlierRatingIndex = earlierRatingIndex;
    }

    public int ratingIndex() {
        return ratingIndex;
    }

    /** For a duplicate, the index of the first of the two ratings; -1 otherwise. */
    public int earlierRatingIndex() {
        return earlierRatingIndex;
    }
}
