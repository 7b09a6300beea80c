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
import org.refusalworkbench.DamagedPages;
import org.refusalworkbench.domain.ChangeSource;
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

        Backups.restore(backup, file, false);

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
        long labelRoot = DamagedPages.rootPage(file, "label_selection");
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

        assertThatThrownBy(() -> Backups.restore(junk, file, false)).isInstanceOf(StorageException.class)
                .hasMessageContaining("not a usable backup");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aZeroByteFileAnEmptyDatabaseAndACopyCutShortAreNotRestored() throws Exception {
        Path file = projectWithBackup();
        Path good = Backups.list(file).get(0);
        Path zero = Files.createFile(folder.resolve("zero.db"));
        Path empty = folder.resolve("empty.db");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + empty);
             var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 0");
            statement.execute("VACUUM");
        }
        byte[] whole = Files.readAllBytes(good);
        Path cutShort = Files.write(folder.resolve("cut.db"), java.util.Arrays.copyOf(whole, whole.length / 2));
        byte[] before = Files.readAllBytes(file);

        for (Path bad : List.of(zero, empty, cutShort)) {
            assertThatThrownBy(() -> Backups.restore(bad, file, true)).as(bad.toString())
                    .isInstanceOf(StorageException.class).hasMessageContaining("not a usable backup of " + file)
                    .hasMessageContaining("nothing was restored");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.size(cutShort)).as("proving it never turned the cut copy into an empty database")
                .isEqualTo(whole.length / 2);
    }

    @Test
    void theNewestGoodBackupSkipsFilesThatAreNotProven() throws Exception {
        Path file = projectWithBackup();
        Path good = Backups.list(file).get(0);
        byte[] whole = Files.readAllBytes(good);
        Path newer = good.resolveSibling("p-99999999-000000-000.db");
        Files.write(newer, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path newest = Files.createFile(good.resolveSibling("p-99999999-999999-999.db"));

        assertThat(Backups.list(file)).startsWith(newest, newer);
        assertThat(Backups.newestGood(file)).contains(good);
    }

    @Test
    void aBackupOfAnotherProjectIsNotRestored() throws Exception {
        Path file = projectWithBackup();
        Path other = folder.resolve("other.db");
        ProjectFiles.create(other, TaxonomyReader.defaultTaxonomy(), "t").close();

        assertThatThrownBy(() -> Backups.restore(other, file, true)).isInstanceOf(StorageException.class)
                .hasMessageContaining("a backup of another project");
    }

    @Test
    void aBackupFromANewerReleaseIsNotRestored() throws Exception {
        Path file = projectWithBackup();
        Path newer = Files.copy(Backups.list(file).get(0), folder.resolve("newer.db"));
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + newer);
             var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = " + (ProjectDatabase.latestSchemaVersion() + 1));
        }

        assertThatThrownBy(() -> Backups.restore(newer, file, true)).isInstanceOf(StorageException.class)
                .hasMessageContaining("written by a newer release");
    }

    @Test
    void aBackupEmptierThanTheProjectIsRestoredOnlyWhenForced() throws Exception {
        Path file = folder.resolve("p.db");
        Path backup = folder.resolve("copy.db");
        try (ProjectDatabase database = ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "t")) {
            Backups.copy(database, backup);
            addLabel(database);
        }

        assertThatThrownBy(() -> Backups.restore(backup, file, false)).isInstanceOf(StorageException.class)
                .hasMessageContaining("fewer responses (0, the project has 1)").hasMessageContaining("--force");
        Backups.restore(backup, file, true);
        try (ProjectDatabase restored = ProjectFiles.open(file)) {
            assertThat(restored.<Long>read(c -> {
                try (var statement = c.createStatement();
                     var rows = statement.executeQuery("SELECT count(*) FROM response")) {
                    rows.next();
                    return rows.getLong(1);
                }
            })).isZero();
        }
    }

    @Test
    @SuppressWarnings("try") // the project only has to be open while the restore is tried
    void aRestoreIsRefusedWhileThisProcessHasTheProjectOpen() {
        Path file = projectWithBackup();
        Path backup = Backups.list(file).get(0);
        try (ProjectDatabase open = ProjectFiles.open(file)) {
            assertThatThrownBy(() -> Backups.restore(backup, file, true)).isInstanceOf(StorageException.class)
                    .hasMessageContaining("is open in this app");
        }
        Backups.restore(backup, file, true);
    }

    @Test
    void aBackupKilledMidwayLeavesNothingThatLooksLikeABackupAndCanBeRerun() throws Exception {
        Path file = folder.resolve("big.db");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            lines.append("{\"prompt\": \"prompt ").append(i).append("\", \"model\": \"m\", \"response\": \"")
                    .append("a long response text ".repeat(20)).append(i).append("\"}\n");
        }
        Path input = Files.writeString(folder.resolve("big.jsonl"), lines);
        try (ProjectDatabase database = ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "t")) {
            new org.refusalworkbench.importing.ResponseImporter(database).importFiles(List.of(input),
                    org.refusalworkbench.importing.ImportFormat.NATIVE, null,
                    org.refusalworkbench.importing.ResponseImporter.Progress.NONE);
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        for (int kill = 0; kill < 4; kill++) {
            Path target = folder.resolve("copy-" + kill + ".db");
            Process child = CrashSafetyTest.startChild("backup", file.toString(), target.toString());
            try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).isEqualTo("opened");
                Thread.sleep(random.nextInt(150));
                child.destroyForcibly();
                child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            if (Files.exists(target)) {
                assertThat(Backups.integrity(target)).as("a backup under its own name is complete").isEqualTo("ok");
                Files.delete(target);
            }
            var err = new java.io.StringWriter();
            int exitCode = org.refusalworkbench.cli.Cli.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
                    new java.io.PrintWriter(err, true)).execute("backup", file.toString(), target.toString());
            assertThat(exitCode).as(err.toString()).isZero();
            Backups.restore(target, file, false);
        }
    }

    @Test
    void aBackupGetsTheModeOfAnyNewFileInItsFolder() throws Exception {
        Path file = folder.resolve("p.db");
        Path backup = folder.resolve("copy.db");
        try (ProjectDatabase database = ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "t")) {
            Backups.copy(database, backup);
        }
        Path plain = Files.writeString(folder.resolve("plain.txt"), "x");

        assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    private static void addLabel(ProjectDatabase database) {
        database.writer().run(c -> {
            try (var statement = c.createStatement()) {
                statement.execute("INSERT INTO prompt (id, uid, text) VALUES (1, x'01', 'q')");
                statement.execute("INSERT INTO response (id, uid, prompt_id, model, text) VALUES (1, x'02', 1, 'm', 'r')");
            }
            return LabelStore.save(c, LabelKind.RESPONSE_LABEL, 1, Annotators.idFor(c, "a"),
                    Selections.of(Map.of("response_type", List.of("full_refusal"))), null, ChangeSource.APP);
        });
    }
}
