package org.refusalworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.importing.ResponseImporter;
import org.refusalworkbench.project.DataFolder;
import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;

/**
 * Commands writing onto a disk that fills up midway: a real small file system (tmpfs, which needs root, as the build
 * runs in CI; elsewhere these tests are skipped). Each ends with one plain line naming the file and exit code 2,
 * never a stack trace, and leaves nothing half-written: the project as it was, no partial output file.
 */
class FullDiskTest {

    @TempDir
    Path folder;

    private Path disk;

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anImportOntoAFullDiskNamesTheProjectAndLeavesItAsItWas() throws Exception {
        mountSmallDisk("2m");
        Path project = disk.resolve("study.db");
        assertThat(run("init", project.toString()).exitCode).isZero();
        assertThat(run("import", project.toString(), responses("seed.jsonl", 20, "").toString()).exitCode).isZero();

        Result full = run("import", project.toString(), responses("big.jsonl", 40_000, "").toString());

        assertThat(full.exitCode).as(full.err).isEqualTo(2);
        assertThat(full.err).startsWith("error: " + project + ": the disk is full")
                .doesNotContain("no transaction is active").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(firstValue(project, "SELECT count(*) FROM response")).isEqualTo("20");
        assertThat(firstValue(project, "PRAGMA integrity_check")).isEqualTo("ok");
    }

    @Test
    void afterAFullDiskTheNextWriteIsStillAllOrNothing() throws Exception {
        mountSmallDisk("2m");
        Path project = disk.resolve("study.db");
        assertThat(run("init", project.toString()).exitCode).isZero();
        Path big = responses("big.jsonl", 40_000, "");
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            assertThatThrownBy(() -> ResponseImporter.forCommandLine(database).importFiles(List.of(big), null, null,
                    ResponseImporter.Progress.NONE)).hasMessageContaining("the disk is full");

            // SQLite rolled the import back by itself; the next transaction must still be one transaction.
            assertThatThrownBy(() -> database.writer().run(connection -> {
                Annotators.idFor(connection, "half-written");
                throw new IllegalStateException("fails after its first statement");
            })).hasMessageContaining("fails after its first statement");
            Long halfWritten = database.read(connection -> Annotators.find(connection, "half-written"));
            assertThat(halfWritten).isNull();
        }
    }

    @Test
    void anExportOntoAFullDiskLeavesTheEarlierFileAndNoPartialOne() throws Exception {
        Path project = labelledProject(20_000);
        mountSmallDisk("512k");
        Path target = Files.writeString(disk.resolve("labels.jsonl"), "an earlier export\n");

        Result full = run("export", project.toString(), "-o", target.toString());

        assertThat(full.exitCode).as(full.err).isEqualTo(2);
        assertThat(full.err).isEqualTo("error: " + target + ": cannot write it (the disk is full); nothing was"
                + " written and any earlier file of that name is unchanged" + System.lineSeparator());
        assertThat(Files.readString(target)).isEqualTo("an earlier export\n");
        try (Stream<Path> files = Files.list(disk)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void anExportToAFullStandardOutputFailsInsteadOfSucceeding() throws Exception {
        Path project = labelledProject(2_000);
        Path err = folder.resolve("err.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + DataFolder.PROPERTY + "=" + folder.resolve("data"), "-cp",
                System.getProperty("java.class.path"), "org.refusalworkbench.Main", "export", project.toString());
        Process export = new ProcessBuilder(command).redirectOutput(new File("/dev/full"))
                .redirectError(err.toFile()).start();
        assertThat(export.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(export.exitValue()).isEqualTo(2);
        assertThat(Files.readString(err, StandardCharsets.UTF_8))
                .contains("error: standard output: writing failed").doesNotContain("exported");
    }

    @Test
    void aReaderThatClosesThePipeEarlyIsNoFailure() throws Exception {
        Path project = labelledProject(2_000);
        for (String command : List.of("export", "stats")) {
            Path err = folder.resolve(command + "-err.txt");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-D" + DataFolder.PROPERTY + "=" + folder.resolve("data"), "-cp",
                    System.getProperty("java.class.path"), "org.refusalworkbench.Main", command, project.toString())
                    .redirectError(err.toFile()).start();
            // The reader leaves before the child writes a byte, as `| grep -q` or `| head` do after their line.
            child.getInputStream().close();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(child.exitValue()).as(command + ": " + Files.readString(err, StandardCharsets.UTF_8)).isZero();
            assertThat(Files.readString(err, StandardCharsets.UTF_8)).doesNotContain("error:");
        }
    }

    /** Mounts a tmpfs of {@code size} in the test's folder, or skips the test where that is not allowed. */
    private void mountSmallDisk(String size) throws Exception {
        Path mountPoint = Files.createDirectory(folder.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs",
                mountPoint.toString()).redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeTrue(mounted, "mounting a small tmpfs needs root: " + new String(mount.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
        disk = mountPoint;
    }

    private Path labelledProject(int labels) throws IOException {
        Path project = folder.resolve("labelled.db");
        assertThat(run("init", project.toString()).exitCode).isZero();
        Path file = responses("labelled.jsonl", labels, ", \"labels\": {\"ann\": {\"selections\":"
                + " {\"response_type\": [\"full_refusal\"]}, \"note\": \"" + "a note ".repeat(8) + "\"}}");
        assertThat(run("import", project.toString(), file.toString()).exitCode).isZero();
        return project;
    }

    private Path responses(String name, int count, String extraFields) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("{\"prompt_id\": \"p").append(i / 4).append("\", \"prompt\": \"prompt ").append(i / 4)
                    .append("\", \"model\": \"m").append(i % 4).append("\", \"response\": \"")
                    .append("some response text ".repeat(5)).append(i).append('"').append(extraFields).append("}\n");
        }
        return Files.writeString(folder.resolve(name), lines);
    }

    private static String firstValue(Path project, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project);
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Cli.commandLine(args, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
