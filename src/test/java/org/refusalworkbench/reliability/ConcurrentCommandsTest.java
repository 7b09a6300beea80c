package org.refusalworkbench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.export.ExportFormat;
import org.refusalworkbench.export.ExportOptions;
import org.refusalworkbench.export.LabelExporter;
import org.refusalworkbench.fileio.Progress;
import org.refusalworkbench.importing.ImportFormat;
import org.refusalworkbench.importing.ResponseImporter;
import org.refusalworkbench.project.DataFolder;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.taxonomy.TaxonomyReader;

/**
 * Commands in separate processes beside a command-line import, which writes with a rollback journal and so keeps
 * every other connection out until it commits: each command waits, says once what it waits for, and then does its
 * work in full. Nothing fails with "database is locked", nothing is lost.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@SuppressWarnings("try") // closing a held import waits for its process, which may be interrupted
class ConcurrentCommandsTest {

    private static final int HELD_RECORDS = 6000;

    @TempDir
    Path folder;

    @Test
    void aSecondImportWaitsForTheFirstThenAddsOnlyWhatIsNew() throws Exception {
        Path project = project("study.db", "");
        Path first = responses("first.jsonl", "first", HELD_RECORDS);
        Path second = responses("second.jsonl", "second", 500);
        try (HeldImport held = HeldImport.start(project, first)) {
            Command secondImport = Command.start(folder, "import", project.toString(), second.toString(),
                    first.toString());
            secondImport.awaitWaitingLine();
            held.release();

            secondImport.assertSucceeded();
            assertThat(secondImport.out()).contains("500 response(s) added (" + HELD_RECORDS + " already present)");
        }
        assertThat(count(project, "SELECT count(*) FROM response")).isEqualTo(HELD_RECORDS + 500L);
    }

    @Test
    void aMergeWaitsForAnImportThenMergesEveryLabel() throws Exception {
        int labelled = 300;
        Path labelFile = labelFile(labelled);
        Path project = project("lead.db", records("merge", labelled, ""));
        try (HeldImport held = HeldImport.start(project, responses("more.jsonl", "more", HELD_RECORDS))) {
            Command merge = Command.start(folder, "merge", project.toString(), labelFile.toString());
            merge.awaitWaitingLine();
            held.release();

            merge.assertSucceeded();
            assertThat(merge.out()).contains("merged");
        }
        assertThat(count(project, "SELECT count(*) FROM label")).isEqualTo(labelled);
        assertThat(count(project, "SELECT count(*) FROM response")).isEqualTo(labelled + (long) HELD_RECORDS);
    }

    @Test
    void readsWaitForAnImportAndSeeItWhole() throws Exception {
        Path project = project("read.db", records("seed", 40, ""));
        Path exported = folder.resolve("labels.jsonl");
        try (HeldImport held = HeldImport.start(project, responses("more.jsonl", "more", HELD_RECORDS))) {
            List<Command> reads = List.of(
                    Command.start(folder, "stats", project.toString(), "--json"),
                    Command.start(folder, "report", "agreement", project.toString(), "--json"),
                    Command.start(folder, "export", project.toString(), "-o", exported.toString()));
            for (Command read : reads) {
                read.awaitWaitingLine();
            }
            held.release();

            for (Command read : reads) {
                read.assertSucceeded();
            }
            assertThat(reads.get(0).out()).contains("\"responses\":" + (40 + HELD_RECORDS));
            assertThat(reads.get(1).out()).contains("\"project\"");
        }
        assertThat(exported).exists();
    }

    @Test
    void aCommandThatWaitsPastTheLimitSaysSoPlainly() throws Exception {
        Path project = project("limit.db", "");
        try (HeldImport held = HeldImport.start(project, responses("held.jsonl", "held", HELD_RECORDS))) {
            Command stats = Command.start(folder, List.of("-Drefusalworkbench.waitSeconds=2"), "stats",
                    project.toString());
            assertThat(stats.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = stats.err();
            assertThat(stats.process.exitValue()).as(err).isEqualTo(2);
            assertThat(err).contains("limit.db: another process kept it locked for more than 2 s")
                    .doesNotContain("database is locked").doesNotContain("Exception");
            held.release();
        }
        assertThat(count(project, "SELECT count(*) FROM response")).isEqualTo(HELD_RECORDS);
    }

    private Path project(String name, String responses) throws Exception {
        Path file = folder.resolve(name);
        try (ProjectDatabase database = ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "t")) {
            if (!responses.isEmpty()) {
                new ResponseImporter(database).importFiles(List.of(Files.writeString(folder.resolve(name + ".jsonl"),
                        responses)), ImportFormat.NATIVE, null, ResponseImporter.Progress.NONE);
            }
        }
        return file;
    }

    /** A label file with one label of annotator "remote" on each of the {@code count} "merge" responses. */
    private Path labelFile(int count) throws Exception {
        Path remote = folder.resolve("remote.db");
        Path labelFile = folder.resolve("remote-labels.jsonl");
        try (ProjectDatabase database = ProjectFiles.create(remote, TaxonomyReader.defaultTaxonomy(), "t")) {
            new ResponseImporter(database).importFiles(List.of(Files.writeString(folder.resolve("labelled.jsonl"),
                            records("merge", count, ", \"labels\": {\"remote\": {\"selections\":"
                                    + " {\"response_type\": [\"full_refusal\"]}}}"))),
                    ImportFormat.NATIVE, null, ResponseImporter.Progress.NONE);
            new LabelExporter(database, "t").export(ExportOptions.everything(ExportFormat.JSONL), labelFile,
                    Progress.NONE);
        }
        return labelFile;
    }

    private Path responses(String name, String prefix, int count) throws IOException {
        return Files.writeString(folder.resolve(name), records(prefix, count, ""));
    }

    private static String records(String prefix, int count, String extraFields) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("{\"prompt_id\": \"").append(prefix).append('-').append(i / 3).append("\", \"prompt\": \"")
                    .append(prefix).append(" prompt ").append(i / 3).append("\", \"model\": \"m").append(i % 3)
                    .append("\", \"response\": \"").append(prefix).append(" response ").append(i).append('"')
                    .append(extraFields).append("}\n");
        }
        return lines.toString();
    }

    private static long count(Path project, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project);
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static ProcessBuilder java(Path folder, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-D" + DataFolder.PROPERTY + "=" + folder.resolve("data")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    /** A command-line import held open midway ({@link HeldImportChild}) until released. */
    private record HeldImport(Process process, BufferedReader out) implements AutoCloseable {

        static HeldImport start(Path project, Path file) throws IOException {
            Process process = java(project.getParent(), List.of(), HeldImportChild.class.getName(),
                    List.of(project.toString(), file.toString()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            HeldImport held = new HeldImport(process, new BufferedReader(new InputStreamReader(
                    process.getInputStream(), StandardCharsets.UTF_8)));
            assertThat(held.out.readLine()).isEqualTo("importing");
            return held;
        }

        /** The child reads one line to go on; the end of its input does as well, and may come twice. */
        void release() throws IOException {
            process.getOutputStream().close();
        }

        @Override
        public void close() throws Exception {
            release();
            assertThat(out.readLine()).isEqualTo("imported");
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        }
    }

    /** One {@code rw} command in a process of its own, as a second terminal runs it. */
    private static final class Command {
        private final Process process;
        private final Path out;
        private final BufferedReader err;
        private final StringBuilder errSoFar = new StringBuilder();

        private Command(Process process, Path out) {
            this.process = process;
            this.out = out;
            this.err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        }

        static Command start(Path folder, String... args) throws IOException {
            return start(folder, List.of(), args);
        }

        static Command start(Path folder, List<String> jvmOptions, String... args) throws IOException {
            Path out = Files.createTempFile(folder, "out-", ".txt");
            return new Command(java(folder, jvmOptions, "org.refusalworkbench.Main", List.of(args))
                    .redirectOutput(out.toFile()).start(), out);
        }

        /** Reads standard error up to the line that says what the command waits for, and for how long at most. */
        void awaitWaitingLine() throws IOException {
            String line;
            while ((line = err.readLine()) != null) {
                errSoFar.append(line).append('\n');
                if (line.startsWith("waiting for another process using ")) {
                    assertThat(line).endsWith("up to 2 min...");
                    return;
                }
            }
            throw new AssertionError("the command ended without waiting: " + errSoFar);
        }

        void assertSucceeded() throws Exception {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String err = err();
            assertThat(process.exitValue()).as(err).isZero();
            assertThat(err).doesNotContain("locked").doesNotContain("error");
        }

        String err() throws IOException {
            String line;
            while ((line = err.readLine()) != null) {
                errSoFar.append(line).append('\n');
            }
            return errSoFar.toString();
        }

        String out() throws IOException {
            return Files.readString(out);
        }
    }
}
