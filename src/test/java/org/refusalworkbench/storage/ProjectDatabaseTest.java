package org.refusalworkbench.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.taxonomy.TaxonomyReader;

class ProjectDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void newProjectIsMigratedToTheLatestSchemaInWalModeWithForeignKeys() throws Exception {
        Path file = folder.resolve("p.db");
        try (ProjectDatabase database = ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "test")) {
            assertThat(database.schemaVersion()).isEqualTo(ProjectDatabase.latestSchemaVersion());
            assertThat(database.<String>read(c -> pragma(c, "journal_mode"))).isEqualTo("wal");
            assertThat(database.<String>read(c -> pragma(c, "foreign_keys"))).isEqualTo("1");
            assertThat(database.read(ProjectSetup::currentTaxonomy).id()).isEqualTo("refusal-default");
        }
        assertThat(tables(file)).contains("prompt", "response", "annotator", "taxonomy", "label", "label_selection",
                "prompt_label", "adjudication", "adjudication_selection", "change_log", "prompt_done");
    }

    @Test
    void reopeningAProjectKeepsItsDataAndSchema() {
        Path file = folder.resolve("p.db");
        ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "test").close();
        try (ProjectDatabase database = ProjectFiles.open(file)) {
            assertThat(database.schemaVersion()).isEqualTo(ProjectDatabase.latestSchemaVersion());
            assertThat(database.read(ProjectSetup::projectName)).isEqualTo("p");
        }
    }

    @Test
    void everyMigrationScriptIsListedAndApplied() throws Exception {
        try (var resources = Files.list(Path.of("src/main/resources/org/refusalworkbench/db"))) {
            assertThat(resources.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(Migrations.SCRIPTS);
        }
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndLeftUntouched() throws Exception {
        Path file = folder.resolve("future.db");
        ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "test").close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = DELETE");
            statement.execute("PRAGMA user_version = " + (ProjectDatabase.latestSchemaVersion() + 1));
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> ProjectFiles.open(file))
                .isInstanceOf(NewerDatabaseException.class)
                .hasMessageContaining("future.db").hasMessageContaining("newer version");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.exists(Path.of(file + "-wal"))).isFalse();
    }

    @Test
    void aSqliteFileOfAnotherApplicationIsRefused() throws Exception {
        Path file = folder.resolve("other.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (body TEXT)");
        }

        assertThatThrownBy(() -> ProjectFiles.open(file)).isInstanceOf(StorageException.class)
                .hasMessageContaining("not a Refusal Workbench project");
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedWithItsName() throws Exception {
        Path file = folder.resolve("notes.db");
        Files.writeString(file, "just some text that is long enough to not be a sqlite header at all");

        assertThatThrownBy(() -> ProjectFiles.open(file)).isInstanceOf(StorageException.class)
                .hasMessageContaining("notes.db");
    }

    @Test
    void creatingOverAnExistingFileIsRefused() throws Exception {
        Path file = folder.resolve("exists.db");
        Files.writeString(file, "keep me");

        assertThatThrownBy(() -> ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "t"))
                .hasMessageContaining("already exists");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void aFailedWriteRollsBackTheWholeTransaction() {
        Path file = folder.resolve("p.db");
        try (ProjectDatabase database = ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "test")) {
            assertThatThrownBy(() -> database.writer().run(connection -> {
                Annotators.idFor(connection, "someone");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(database.read(Annotators::names)).isEmpty();
        }
    }

    private static String pragma(Connection connection, String name) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<String> tables(Path file) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
