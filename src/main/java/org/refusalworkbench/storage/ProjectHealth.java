package org.refusalworkbench.storage;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Checks an open project for damage on disk and, when it is sound, takes the rolling backup. Run in the background
 * after opening: a full check of a large project takes seconds, and the labeler should not wait for it.
 */
public final class ProjectHealth {

    /** What the check found: {@code "ok"} or SQLite's description of the damage, and the backup taken. */
    public record Report(String integrity, Optional<Path> backup, Optional<Path> newestGoodBackup) {
        public boolean isDamaged() {
            return !"ok".equals(integrity);
        }
    }

    private ProjectHealth() {
    }

    public static Report checkThenBackUp(ProjectDatabase database, int keepBackups) {
        String integrity;
        try {
            integrity = database.readSeparately(connection -> {
                StringBuilder problems = new StringBuilder();
                try (PreparedStatement query = connection.prepareStatement(SqliteDialect.QUICK_CHECK);
                     ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        problems.append(problems.length() == 0 ? "" : "; ").append(rows.getString(1));
                    }
                }
                return problems.toString();
            });
        } catch (StorageException e) {
            integrity = e.getMessage();
        }
        if (!"ok".equals(integrity)) {
            // Never let a damaged file push good backups out of the rolling set.
            return new Report(integrity, Optional.empty(), Backups.newestGood(database.file()));
        }
        if (database.readOnlyNotice().isPresent()) {
            // nothing changes in a project that cannot be written, and its folder cannot take a backup
            return new Report(integrity, Optional.empty(), Optional.empty());
        }
        return new Report(integrity, Backups.rolling(database, keepBackups), Optional.empty());
    }
}
