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
                .isNotInstanceOf(DamagedProjectException.class)
                .hasMessage(file + ": not a Refusal Workbench project (not an SQLite database)");
    }

    @Test
    void anEmptyFileIsRefusedAndNotMadeIntoAProject() throws Exception {
        Path file = Files.createFile(folder.resolve("empty.db"));

        assertThatThrownBy(() -> ProjectFiles.open(file)).isInstanceOf(StorageException.class)
                .hasMessageContaining("not an SQLite database");
        assertThat(file).isEmptyFile();
    }

    @Test
    void aProjectWhoseHeaderWasOverwrittenIsStillCalledDamagedWhenItHasBackups() throws Exception {
        Path file = folder.resolve("p.db");
        try (ProjectDatabase database = ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "t")) {
            Backups.rolling(database, 1);
        }
        try (java.io.RandomAccessFile raw = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raw.write(new byte[100]);
        }

        assertThatThrownBy(() -> ProjectFiles.open(file)).isInstanceOf(DamagedProjectException.class);
    }

    @Test
    void creatingOverAnExistingFileIsRefused() throws Exception {
        Path file = folder.resolve("exists.db");
        Files.writeString(file, "keep me");

        assertThatThrownBy(() -> ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "t"))
                .hasMessageContaining("already exists");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    /** A project written by the first release: the upgrade keeps every row and every reference. */
    @Test
    void aVersionOneProjectIsUpgradedWithItsRowsAndReferencesIntact() throws Exception {
        Path file = folder.resolve("v1.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
            for (String sql : Migrations.splitStatements(
                    Files.readString(Path.of("src/main/resources/org/refusalworkbench/db/V1__init.sql")))) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA user_version = 1");
            statement.execute("INSERT INTO prompt (id, uid, text) VALUES (7, x'01', 'a prompt')");
            statement.execute("INSERT INTO response (id, uid, prompt_id, model, text) VALUES (9, x'02', 7, 'm', 'r')");
            statement.execute("INSERT INTO annotator (id, name, created_at) VALUES (3, 'ann', 't')");
            statement.execute("INSERT INTO label (response_id, annotator_id, created_at, updated_at)"
                    + " VALUES (9, 3, 't', 't')");
            statement.execute("INSERT INTO change_log (at, annotator_id, target, response_id, prompt_id, action)"
                    + " VALUES ('t', 3, 'label', 9, 7, 'select')");
        }

        try (ProjectDatabase database = ProjectFiles.open(file)) {
            assertThat(database.schemaVersion()).isEqualTo(ProjectDatabase.latestSchemaVersion());
            assertThat(database.<String>read(c -> pragma(c, "foreign_keys"))).isEqualTo("1");
            assertThat(database.<String>read(c -> scalar(c, "SELECT r.id || ',' || hex(r.uid) || ',' || p.text"
                    + " || ',' || l.annotator_id FROM label l JOIN response r ON r.id = l.response_id"
                    + " JOIN prompt p ON p.id = r.prompt_id"))).isEqualTo("9,02,a prompt,3");
            assertThat(database.<String>read(c -> scalar(c, "SELECT count(*) FROM pragma_foreign_key_check")))
                    .isEqualTo("0");
            assertThat(database.<String>read(c -> scalar(c, "SELECT group_concat(name) FROM (SELECT name"
                    + " FROM sqlite_master WHERE type = 'index' AND name LIKE '%uid' ORDER BY name)")))
                    .isEqualTo("prompt_uid,response_uid");
            assertThatThrownBy(() -> database.writer().run(c -> c.createStatement().execute(
                    "INSERT INTO response (uid, prompt_id, model, text) VALUES (x'02', 7, 'm', 'again')")))
                    .hasMessageContaining("UNIQUE");
            assertThatThrownBy(() -> database.writer().run(c -> c.createStatement().execute(
                    "INSERT INTO response (uid, prompt_id, model, text) VALUES (x'03', 8, 'm', 'orphan')")))
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    /** Only a readable project of an older schema needs the upgrade; anything else is for opening to report. */
    @Test
    void onlyAnOlderProjectNeedsAnUpgrade() throws Exception {
        Path current = folder.resolve("current.db");
        ProjectFiles.create(current, TaxonomyReader.defaultTaxonomy(), "t").close();
        Path text = folder.resolve("notes.db");
        Files.writeString(text, "not a database");

        assertThat(ProjectDatabase.needsUpgrade(current)).isFalse();
        assertThat(ProjectDatabase.needsUpgrade(text)).isFalse();
        assertThat(ProjectDatabase.needsUpgrade(folder.resolve("missing.db"))).isFalse();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + current);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 1");
        }
        assertThat(ProjectDatabase.needsUpgrade(current)).isTrue();
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

    private static String scalar(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
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
