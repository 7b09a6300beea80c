package org.refusalworkbench.storage;

import java.nio.file.Path;
import java.sql.SQLException;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Says in plain words what went wrong when SQLite could not read or write a project because of its surroundings (a
 * full disk, a read-only folder, a lock held too long), naming the project file, instead of passing on the driver's
 * "[SQLITE_FULL] …" or a later error that hides it.
 */
final class EnvironmentFailures {

    private EnvironmentFailures() {
    }

    /** A StorageException naming {@code project}, in plain words where the cause is known. */
    static StorageException describe(Path project, Exception failure) {
        if (failure instanceof StorageException storage && storage.getMessage().startsWith(project.toString())) {
            return storage;
        }
        String plain = failure instanceof SQLException sql ? plainWords(project, sql) : null;
        return new StorageException(plain != null ? plain : project + ": " + failure.getMessage(), failure);
    }

    /** @return the plain message, or null when the failure is not one of the environment's */
    static String plainWords(Path project, SQLException e) {
        if (LockWaits.isBusy(e)) {
            return LockWaits.stillLocked(project);
        }
        if (!(e instanceof SQLiteException sqlite)) {
            return null;
        }
        int primary = sqlite.getResultCode().code & 0xFF;
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return project + ": the disk is full (no space left for the project or SQLite's temporary files);"
                    + " nothing was written, the project is as it was";
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
            return project + ": cannot write it (the file or its folder is read-only); nothing was written";
        }
        if (primary == SQLiteErrorCode.SQLITE_PERM.code || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return project + ": cannot open it for writing (no permission, or the folder is missing)";
        }
        if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
            return project + ": the disk reported an error while reading or writing it (" + e.getMessage() + ")";
        }
        return null;
    }
}
