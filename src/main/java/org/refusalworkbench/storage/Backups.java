package org.refusalworkbench.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

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
        Path partial = partialNameFor(target);
        int result = database.readSeparately(connection -> connection.unwrap(SQLiteConnection.class).getDatabase()
                .backup("main", partial.toString(), null));
        if (result != SQLiteErrorCode.SQLITE_OK.code) {
            deleteQuietly(partial);
            throw new StorageException("cannot write a copy to " + target + " ("
                    + SQLiteErrorCode.getErrorCode(result) + ")");
        }
        try {
            Files.move(partial, target.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new StorageException("cannot write a copy to " + target + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The copy is written under a name that does not end in {@code .db} and moved into place once complete: a
     * backup killed midway leaves a {@code .partial-} file that nothing takes for a backup, and the next backup to
     * the same name just works.
     */
    private static Path partialNameFor(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".partial-" + UUID.randomUUID());
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(Path.of(partial + "-journal"));
        } catch (IOException e) {
            // the copy failed already; that is what the caller needs to hear
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

    /** The newest rolling backup that is proven a good backup of the project ({@link BackupProof}). */
    public static Optional<Path> newestGood(Path project) {
        Optional<BackupProof.Contents> contents = BackupProof.Contents.ofProject(project);
        return list(project).stream().filter(backup -> BackupProof.isGood(backup, contents)).findFirst();
    }

    /**
     * {@code "ok"}, or what SQLite found wrong with the file. A file SQLite cannot open normally for lack of write
     * access beside it (read-only media, a full disk) is read as immutable: it is not damaged for that.
     */
    public static String integrity(Path file) {
        try (Connection connection = ProjectDatabase.readOnlyProbe(file)) {
            return BackupProof.integrity(connection);
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /**
     * Puts a backup in place of the project. Refused while anyone has the project open, in this process or another
     * ({@link ProjectLock}), and while the backup is not proven ({@link BackupProof}; {@code force} allows one with
     * fewer responses or labels than the project). The lock is held from the proof to the rename, and the backup
     * is copied beside the project before an atomic rename, so a failure midway leaves the project file as it was.
     */
    public static void restore(Path backup, Path project, boolean force) {
        ProjectLock lock = ProjectLock.exclusive(project);
        try {
            BackupProof.require(backup, project, force);
            Path staging = project.resolveSibling(project.getFileName() + ".restoring");
            try {
                Files.copy(backup, staging, StandardCopyOption.REPLACE_EXISTING);
                Files.deleteIfExists(Path.of(project + "-wal"));
                Files.deleteIfExists(Path.of(project + "-shm"));
                Files.move(staging, project, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new StorageException("cannot restore " + project + " from " + backup + ": " + e.getMessage(),
                        e);
            }
        } finally {
            lock.close();
        }
    }

    static Path folderOf(Path project) {
        Path absolute = project.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".backups");
    }
}
