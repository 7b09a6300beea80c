package org.refusalworkbench.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.Backups;
import org.refusalworkbench.storage.DamagedProjectException;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.storage.ProjectHealth;
import org.refusalworkbench.storage.StorageException;
import org.refusalworkbench.taxonomy.TaxonomyReader;

class BackupTest {

    @TempDir
    Path folder;

    @Test
    void rollingBackupsKeepTheNewestOnes() {
        Path file = folder.resolve("p.db");
        try (ProjectDatabase database = ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "t")) {
            for (int i = 0; i < 4; i++) {
                assertThat(ProjectHealth.checkThenBackUp(database, 2).backup()).isPresent();
            }
        }
        List<Path> backups = Backups.list(file);
        assertThat(backups).hasSize(2);
        assertThat(backups).allMatch(backup -> "ok".equals(Backups.integrity(backup)));
    }

    @Test
    void aCopyThatCannotBeWrittenFailsLoudlyAndLeavesNoFile() {
        Path file = folder.resolve("p.db");
        Path target = folder.resolve("missing-folder").resolve("copy.db");
        try (ProjectDatabase database = ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "t")) {
            assertThatThrownBy(() -> Backups.copy(database, target))
                    .isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("cannot write a copy to " + target)
                    .hasMessageContaining("SQLITE_CANTOPEN");
        }
        assertThat(target).doesNotExist();
    }

    @Test
    void aBackupTakenWhileWritingHoldsACommittedSnapshotAndRestores() throws Exception {
        Path file = folder.resolve("p.db");
        Path backup = folder.resolve("copy.db");
        try (ProjectDatabase database = ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "t")) {
            addLabel(database);
            Backups.copy(database, backup);
            database.writer().run(c -> {
                try (var statement = c.createStatement()) {
                    statement.execute("DELETE FROM label_selection");
                }
                return null;
            });
        }

        Backups.restore(backup, file);

        try (ProjectDatabase restored = ProjectFiles.open(file)) {
            assertThat(restored.<Long>read(c -> {
                try (var statement = c.createStatement();
                     var rows = statement.executeQuery("SELECT count(*) FROM label_selection")) {
                    rows.next();
                    return rows.getLong(1);
                }
            })).isEqualTo(1);
        }
    }

    @Test
    void aProjectDamagedOnDiskIsRefusedOnOpenAndTheNewestGoodBackupFound() throws Exception {
        Path file = projectWithBackup();
        overwrite(file, 2, Files.size(file) / 4096);

        assertThatThrownBy(() -> ProjectFiles.open(file)).isInstanceOf(DamagedProjectException.class)
                .hasMessageContaining("damaged");
        assertThat(Backups.newestGood(file)).isPresent();
    }

    @Test
    void damageTheOpenCheckMissesIsFoundByTheHealthCheckAndNoBackupIsTakenOfIt() throws Exception {
        Path file = projectWithBackup();
        long labelRoot = rootPage(file, "label_selection");
        overwrite(file, labelRoot - 1, labelRoot);

        try (ProjectDatabase damaged = ProjectFiles.open(file)) {
            ProjectHealth.Report report = ProjectHealth.checkThenBackUp(damaged, 3);
            assertThat(report.isDamaged()).isTrue();
            assertThat(report.backup()).as("no backup of a damaged file").isEmpty();
            assertThat(report.newestGoodBackup()).isPresent();
        }
        assertThat(Backups.list(file)).hasSize(1);
    }

    private Path projectWithBackup() {
        Path file = folder.resolve("p.db");
        try (ProjectDatabase database = ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "t")) {
            addLabel(database);
            ProjectHealth.checkThenBackUp(database, 3);
        }
        return file;
    }

    /** The 1-based page number where a table's b-tree starts, so the test damages data but not the schema. */
    private static long rootPage(Path file, String table) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var query = connection.prepareStatement("SELECT rootpage FROM sqlite_master WHERE name = ?")) {
            query.setString(1, table);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void overwrite(Path file, long fromPage, long toPage) throws Exception {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            for (long page = fromPage; page < toPage; page++) {
                raw.seek(page * 4096);
                raw.write(new byte[4096]);
            }
        }
    }

    @Test
    void aDamagedBackupIsNotRestored() throws Exception {
        Path file = folder.resolve("p.db");
        ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "t").close();
        Path junk = Files.writeString(folder.resolve("junk.db"), "not a database at all, not even close");
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Backups.restore(junk, file)).isInstanceOf(StorageException.class)
                .hasMessageContaining("not a usable backup");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    private static void addLabel(ProjectDatabase database) {
        database.writer().run(c -> {
            try (var statement = c.createStatement()) {
                statement.execute("INSERT INTO prompt (id, uid, text) VALUES (1, x'01', 'q')");
                statement.execute("INSERT INTO response (id, uid, prompt_id, model, text) VALUES (1, x'02', 1, 'm', 'r')");
            }
            return LabelStore.save(c, LabelKind.RESPONSE_LABEL, 1, Annotators.idFor(c, "a"),
                    Selections.of(Map.of("response_type", List.of("full_refusal"))), null, "app");
        });
    }
}
