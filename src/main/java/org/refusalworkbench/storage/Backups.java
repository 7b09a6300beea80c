package org.refusalworkbench.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;

/**
 * Copies of a project taken with SQLite's online backup API, which copies a consistent snapshot while the app
 * keeps writing. Rolling backups live beside the project in {@code NAME.backups/}, newest kept.
 */
public final class Backups {

    public static final int DEFAULT_KEEP = 5;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private Backups() {
    }

    /**
     * Writes a consistent copy of the open project to {@code target}. The driver reports a failed copy (a missing
     * folder, a full disk) only in its return code, never as an exception: unchecked, a backup that was never
     * written passed for taken. A failed copy is removed, so no half-written file looks like a backup.
     */
    public static void copy(ProjectDatabase database, Path target) {
        int result = database.readSeparately(connection -> connection.unwrap(SQLiteConnection.class).getDatabase()
                .backup("main", target.toAbsolutePath().toString(), null));
        if (result != SQLiteErrorCode.SQLITE_OK.code) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException e) {
                // the copy failed already; that is what the caller needs to hear
            }
            throw new StorageException("cannot write a copy to " + target + " ("
                    + SQLiteErrorCode.getErrorCode(result) + ")");
        }
    }

    /** Takes a rolling backup and deletes all but the newest {@code keep}; {@code keep} 0 turns them off. */
    public static Optional<Path> rolling(ProjectDatabase database, int keep) {
        if (keep <= 0) {
            return Optional.empty();
        }
        Path folder = folderOf(database.file());
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(ProjectFiles.nameOf(database.file()) + "-"
                    + LocalDateTime.now().format(STAMP) + ".db");
            copy(database, target);
            List<Path> all = list(database.file());
            for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
                Files.deleteIfExists(old);
            }
            return Optional.of(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a backup in " + folder, e);
        }
    }

    /** The project's rolling backups, newest first. */
    public static List<Path> list(Path project) {
        Path folder = folderOf(project);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".db"))
                    .sorted(Comparator.comparing((Path file) -> file.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest backup that passes an integrity check. */
    public static Optional<Path> newestGood(Path project) {
        return list(project).stream().filter(backup -> "ok".equals(integrity(backup))).findFirst();
    }

    /** {@code "ok"}, or what SQLite found wrong with the file. */
    public static String integrity(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                config.toProperties());
             PreparedStatement query = connection.prepareStatement("PRAGMA integrity_check");
             ResultSet rows = query.executeQuery()) {
            StringBuilder problems = new StringBuilder();
            while (rows.next()) {
                problems.append(problems.length() == 0 ? "" : "; ").append(rows.getString(1));
            }
            return problems.toString();
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /**
     * Puts a backup in place of the project (which must not be open). The backup is checked first and copied
     * beside the project before an atomic rename, so a failure midway leaves the project file as it was.
     */
    public static void restore(Path backup, Path project) {
        String integrity = integrity(backup);
        if (!"ok".equals(integrity)) {
            throw new StorageException(backup + ": not a usable backup (" + integrity + ")");
        }
        Path staging = project.resolveSibling(project.getFileName() + ".restoring");
        try {
            Files.copy(backup, staging, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(Path.of(project + "-wal"));
            Files.deleteIfExists(Path.of(project + "-shm"));
            Files.move(staging, project, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StorageException("cannot restore " + project + " from " + backup + ": " + e.getMessage(), e);
        }
    }

    static Path folderOf(Path project) {
        Path absolute = project.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".backups");
    }
}
