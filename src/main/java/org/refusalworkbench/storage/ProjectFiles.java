package org.refusalworkbench.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.refusalworkbench.taxonomy.Taxonomy;

/** Creating and opening project files. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /**
     * The annotators a project file knows, for a start screen to offer before the project is opened: read-only,
     * without the project lock or any migration. Empty for a file that is missing or that cannot be read as a
     * project (opening it says why).
     */
    public static List<String> annotatorNames(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (Connection connection = DriverManager.getConnection(SqliteDialect.readOnlyUrl(file))) {
            return Annotators.names(connection);
        } catch (SQLException e) {
            return List.of();
        }
    }

    /** Creates a project with the given taxonomy; a failure removes the half-made file. */
    public static ProjectDatabase create(Path file, Taxonomy taxonomy, String appVersion) {
        ProjectDatabase database = ProjectDatabase.create(file);
        try {
            database.writer().run(connection -> {
                ProjectSetup.initialise(connection, nameOf(file), taxonomy, appVersion);
                return null;
            });
            return database;
        } catch (RuntimeException e) {
            database.close();
            deleteQuietly(file);
            throw e;
        }
    }

    public static ProjectDatabase open(Path file) {
        return ProjectDatabase.open(file);
    }

    static String nameOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void deleteQuietly(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                java.nio.file.Files.deleteIfExists(Path.of(file + suffix));
            } catch (java.io.IOException ignored) {
                // the original failure is what the user needs to see
            }
        }
    }
}
