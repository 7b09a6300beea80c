package org.refusalworkbench;

import java.io.RandomAccessFile;
import java.nio.file.Path;

/** Damages a project file the way a bad disk does: a page of a table's data zeroed, the schema left readable. */
public final class DamagedPages {

    private static final int PAGE_SIZE = 4096;

    private DamagedPages() {
    }

    /** The 1-based page number where a table's b-tree starts, so a test damages data but not the schema. */
    public static long rootPage(Path file, String table) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var query = connection.prepareStatement("SELECT rootpage FROM sqlite_master WHERE name = ?")) {
            query.setString(1, table);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Zeroes the first page of {@code table}'s b-tree. */
    public static void zeroRootPage(Path file, String table) throws Exception {
        long rootPage = rootPage(file, table);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek((rootPage - 1) * PAGE_SIZE);
            raw.write(new byte[PAGE_SIZE]);
        }
    }
}
