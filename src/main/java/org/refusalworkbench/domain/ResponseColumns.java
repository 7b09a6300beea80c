package org.refusalworkbench.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Every response of a project in id order as columns of small codes: its model, its prompt's safety and its
 * prompt's category. Reports over a million responses hold these instead of a million objects.
 *
 * <p>Option codes used alongside these columns: {@code 0..n-1} is the option's position in its group;
 * {@link #NONE} is no value (no label, not adjudicated, no verdict); {@link #NOT_ONE} is a value that is not exactly
 * one of the options (a gold label that leaves the group open, an unparsed or unknown verdict).
 */
public record ResponseColumns(long[] ids, int[] model, List<String> models, SafetyLabel[] safety, int[] category,
                              List<String> categories) {

    public static final int NONE = -1;
    public static final int NOT_ONE = -2;

    public int size() {
        return ids.length;
    }

    /** The row of a response id, or -1 where there is none. */
    public int rowOf(long id) {
        return rowOf(ids, id);
    }

    /**
     * The row of a response id in ascending {@code ids}, or -1. Ids are usually consecutive (rows go only when a
     * whole import is removed), and then the row is the distance from the first, which saves a binary search on
     * each of millions of rows.
     */
    public static int rowOf(long[] ids, long id) {
        int size = ids.length;
        if (size > 0 && ids[size - 1] - ids[0] + 1 == size) {
            long row = id - ids[0];
            return row >= 0 && row < size ? (int) row : -1;
        }
        int row = Arrays.binarySearch(ids, id);
        return row < 0 ? -1 : row;
    }
}
