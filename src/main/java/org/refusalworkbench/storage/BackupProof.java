package org.refusalworkbench.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Proves a file is a good backup of a project before it replaces anything: an SQLite file of this app, of the same
 * project, with a schema this release can read, that passes the integrity check and, unless forced, holds no
 * fewer responses or labels than the project. A 0-byte file, an empty database and a copy cut short all fail.
 * <p>
 * The file is read as immutable: a copy cut short leaves a journal beside it, and a read-write open would roll
 * that back into an empty database that passes the integrity check.
 */
public final class BackupProof {

    /** What a project file holds, as far as a restore compares it. */
    record Contents(String uid, long responses, long labels) {

        static Contents read(Connection connection) throws SQLException {
            return new Contents(ProjectIdentity.read(connection).uid(),
                    count(connection, "SELECT count(*) FROM response"),
                    count(connection, "SELECT count(*) FROM label"));
        }

        /** The project's contents, or empty when there is no project file or it is too damaged to read. */
        static Optional<Contents> ofProject(Path project) {
            if (!Files.isRegularFile(project)) {
                return Optional.empty();
            }
            try (Connection connection = ProjectDatabase.readOnlyProbe(project)) {
                return Optional.of(read(connection));
            } catch (SQLException | StorageException e) {
                return Optional.empty();
            }
        }
    }

    private BackupProof() {
    }

    /**
     * Refuses, with the reason, a file that is not a good backup of {@code project}; {@code force} only allows a
     * backup that holds less than the project.
     */
    public static void require(Path backup, Path project, boolean force) {
        Optional<Contents> current = Contents.ofProject(project);
        Result proof = prove(backup, current);
        if (proof.problem() != null) {
            throw new StorageException(backup + ": not a usable backup of " + project + " (" + proof.problem()
                    + "); nothing was restored");
        }
        if (!force && current.isPresent()) {
            String emptier = emptier(proof.contents(), current.get());
            if (emptier != null) {
                throw new StorageException(backup + " holds fewer " + emptier + " than " + project
                        + "; nothing was restored. Give --force to restore it anyway");
            }
        }
    }

    /** Whether {@code backup} passes every check but the emptiness one. */
    static boolean isGood(Path backup, Optional<Contents> project) {
        return prove(backup, project).problem() == null;
    }

    /** The backup's contents when it is proven, else what is wrong with it. */
    private record Result(Contents contents, String problem) {
        static Result problem(String problem) {
            return new Result(null, problem);
        }
    }

    private static Result prove(Path backup, Optional<Contents> project) {
        if (!Files.isRegularFile(backup)) {
            return Result.problem("no such file");
        }
        try {
            if (Files.size(backup) == 0) {
                return Result.problem("an empty file");
            }
        } catch (IOException e) {
            return Result.problem("cannot read it: " + e.getMessage());
        }
        if (!ProjectDatabase.hasSqliteHeader(backup)) {
            return Result.problem("not an SQLite database");
        }
        try (Connection connection = ProjectDatabase.immutableConnection(backup)) {
            String integrity = integrity(connection);
            if (!"ok".equals(integrity)) {
                return Result.problem("fails the integrity check: " + integrity);
            }
            int version = Migrations.userVersion(connection);
            if (version < 1 || count(connection, SqliteDialect.COUNT_PROJECT_TABLE) == 0) {
                return Result.problem("not a Refusal Workbench project");
            }
            if (version > Migrations.LATEST) {
                return Result.problem("written by a newer release: schema " + version + ", this release reads up to "
                        + Migrations.LATEST);
            }
            Contents contents = Contents.read(connection);
            if (project.isPresent() && !project.get().uid().equals(contents.uid())) {
                return Result.problem("a backup of another project");
            }
            return new Result(contents, null);
        } catch (SQLException | StorageException e) {
            return Result.problem("cannot be read: " + e.getMessage());
        }
    }

    /** The first of responses and labels the backup has fewer of, or {@code null}. */
    private static String emptier(Contents backup, Contents project) {
        if (backup.responses() < project.responses()) {
            return String.format("responses (%,d, the project has %,d)", backup.responses(), project.responses());
        }
        if (backup.labels() < project.labels()) {
            return String.format("labels (%,d, the project has %,d)", backup.labels(), project.labels());
        }
        return null;
    }

    static String integrity(Connection connection) throws SQLException {
        StringBuilder problems = new StringBuilder();
        try (PreparedStatement query = connection.prepareStatement(SqliteDialect.INTEGRITY_CHECK);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                problems.append(problems.length() == 0 ? "" : "; ").append(rows.getString(1));
            }
        }
        return problems.toString();
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
