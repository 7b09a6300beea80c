package org.refusalworkbench.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The responses an import did not add because one with the same content id came first, each named with the line
 * that had it first: in the project already, or earlier in this import. Row ids of the responses an import adds
 * run on from one number, so the line of each is one long in an array indexed by row id (the file's index in the
 * top bits, the line below): 8 bytes a response, against about 80 for a map entry.
 */
final class SkippedDuplicates {

    private static final int LINE_BITS = 40;
    private static final long LINE_MASK = (1L << LINE_BITS) - 1;

    private final long firstNewRowId;
    private final List<String> files = new ArrayList<>();
    private final List<String> listed = new ArrayList<>();
    private long[] firstLines = new long[1 << 10];
    private long count;

    /** @param firstNewRowId the row id the import gives the first response it adds */
    SkippedDuplicates(long firstNewRowId) {
        this.firstNewRowId = firstNewRowId;
    }

    void added(long rowId, String file, long line) {
        int index = Math.toIntExact(rowId - firstNewRowId);
        if (index >= firstLines.length) {
            firstLines = Arrays.copyOf(firstLines, Math.max(firstLines.length * 2, index + 1));
        }
        firstLines[index] = ((long) fileIndex(file) << LINE_BITS) | (line & LINE_MASK);
    }

    /** A response on {@code line} of {@code file} had the content id of the existing row {@code rowId}. */
    void skipped(long rowId, String file, long line) {
        count++;
        if (listed.size() < ImportSummary.SKIPPED_LISTED) {
            listed.add(file + ":" + line + ": same content id as " + firstHolder(rowId, file));
        }
    }

    long count() {
        return count;
    }

    List<String> listed() {
        return listed;
    }

    private String firstHolder(long rowId, String file) {
        if (rowId < firstNewRowId) {
            return "a response already in the project";
        }
        long first = firstLines[Math.toIntExact(rowId - firstNewRowId)];
        String firstFile = files.get((int) (first >>> LINE_BITS));
        long firstLine = first & LINE_MASK;
        return firstFile.equals(file) ? "line " + firstLine + ", earlier in this file"
                : firstFile + ":" + firstLine + ", earlier in this import";
    }

    /** Files are read one after another, so the current one is almost always the last one seen. */
    private int fileIndex(String file) {
        int last = files.size() - 1;
        if (last >= 0 && files.get(last).equals(file)) {
            return last;
        }
        files.add(file);
        return last + 1;
    }
}
