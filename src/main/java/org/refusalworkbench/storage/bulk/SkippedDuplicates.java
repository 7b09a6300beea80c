package org.refusalworkbench.storage.bulk;

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
    private long lastLine;
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
        firstLines[index] = ((long) fileIndex(file, line) << LINE_BITS) | (line & LINE_MASK);
    }

    /** A response on {@code line} of {@code file} had the content id of the existing row {@code rowId}. */
    void skipped(long rowId, String file, long line) {
        count++;
        int fileIndex = fileIndex(file, line);
        if (listed.size() < BulkImport.SKIPPED_LISTED) {
            listed.add(file + ":" + line + ": same content id as " + firstHolder(rowId, fileIndex));
        }
    }

    long count() {
        return count;
    }

    List<String> listed() {
        return listed;
    }

    private String firstHolder(long rowId, int fileIndex) {
        if (rowId < firstNewRowId) {
            return "a response already in the project";
        }
        long first = firstLines[Math.toIntExact(rowId - firstNewRowId)];
        int firstFileIndex = (int) (first >>> LINE_BITS);
        long firstLine = first & LINE_MASK;
        return firstFileIndex == fileIndex ? "line " + firstLine + ", earlier in this file"
                : files.get(firstFileIndex) + ":" + firstLine + ", earlier in this import";
    }

    /**
     * The position in the import of the file being read. Files are read one after another and lines only grow
     * within one, so a new name or a line number going back starts the next file (the same file given twice too).
     */
    private int fileIndex(String file, long line) {
        if (files.isEmpty() || line <= lastLine || !files.get(files.size() - 1).equals(file)) {
            files.add(file);
        }
        lastLine = line;
        return files.size() - 1;
    }
}
