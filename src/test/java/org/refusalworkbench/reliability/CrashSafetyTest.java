package org.refusalworkbench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.export.ExportFormat;
import org.refusalworkbench.export.ExportOptions;
import org.refusalworkbench.export.LabelExporter;
import org.refusalworkbench.importing.ImportFormat;
import org.refusalworkbench.importing.ResponseImporter;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.taxonomy.TaxonomyReader;

/**
 * Kills a child process with SIGKILL at random moments while it labels or imports, then checks the project:
 * every label the child reported as saved is there, the file passes integrity_check, and an import is all or
 * nothing.
 */
class CrashSafetyTest {

    private static final int KILLS = 12;

    @TempDir
    Path folder;

    @Test
    void labelsReportedAsSavedSurviveSigkill() throws Exception {
        Path project = projectWithResponses(30);
        SplittableRandom random = new SplittableRandom(7);
        for (int kill = 0; kill < KILLS; kill++) {
            String annotator = "crash-" + kill;
            Map<Long, Long> lastReported = new HashMap<>();
            Process child = startChild("label", project.toString(), annotator);
            int linesBeforeKill = 5 + random.nextInt(200);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (int line = 0; line < linesBeforeKill; line++) {
                    String text = out.readLine();
                    assertThat(text).as("child output").isNotNull();
                    String[] parts = text.split(" ");
                    lastReported.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                }
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }

            assertThat(integrity(project)).isEqualTo("ok");
            Map<Long, String[]> stored = storedLabels(project, annotator);
            for (Map.Entry<Long, Long> reported : lastReported.entrySet()) {
                String[] label = stored.get(reported.getKey());
                assertThat(label).as("response %d reported saved before kill %d", reported.getKey(), kill).isNotNull();
                long sequence = Long.parseLong(label[1]);
                // a later write may have committed before the kill without being reported: never an earlier one
                assertThat(sequence).isGreaterThanOrEqualTo(reported.getValue());
                assertThat(label[0]).isEqualTo(CrashChild.typeAt(sequence, 30));
            }
        }
    }

    @Test
    void anImportKilledMidwayLeavesTheProjectAsBeforeOrComplete() throws Exception {
        Path project = projectWithResponses(10);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            lines.append("{\"prompt_id\": \"big-").append(i / 5).append("\", \"prompt\": \"big prompt ").append(i / 5)
                    .append("\", \"model\": \"m").append(i % 5).append("\", \"response\": \"")
                    .append("some response text ".repeat(10)).append(i).append("\"}\n");
        }
        Path input = Files.writeString(folder.resolve("big.jsonl"), lines);
        SplittableRandom random = new SplittableRandom(11);
        for (int kill = 0; kill < 6; kill++) {
            Process child = startChild("import", project.toString(), input.toString());
            Thread.sleep(300 + random.nextInt(2500));
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);

            assertThat(integrity(project)).isEqualTo("ok");
            long responses = count(project, "SELECT count(*) FROM response");
            assertThat(responses).as("after kill %d", kill).isIn(10L, 40_010L);
            if (responses == 40_010L) {
                break;
            }
        }
    }

    @Test
    void aMergeKilledMidwayLeavesTheProjectAsBeforeOrComplete() throws Exception {
        int responses = 6000;
        StringBuilder labelled = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < responses; i++) {
            String record = "{\"prompt_id\": \"m-" + i / 3 + "\", \"prompt\": \"merge prompt " + i / 3
                    + "\", \"model\": \"m" + i % 3 + "\", \"response\": \"response " + i + "\"";
            plain.append(record).append("}\n");
            labelled.append(record).append(", \"labels\": {\"remote\": {\"selections\": {\"response_type\":"
                    + " [\"full_refusal\"]}, \"note\": \"note ").append(i).append("\"}}}\n");
        }
        Path labelFile = folder.resolve("remote-labels.jsonl");
        try (ProjectDatabase remote = ProjectFiles.create(folder.resolve("remote.db"), TaxonomyReader.defaultTaxonomy(),
                "t")) {
            new ResponseImporter(remote).importFiles(List.of(Files.writeString(folder.resolve("labelled.jsonl"),
                    labelled)), ImportFormat.NATIVE, null, ResponseImporter.Progress.NONE);
            new LabelExporter(remote, "t").export(ExportOptions.everything(ExportFormat.JSONL), labelFile,
                    org.refusalworkbench.fileio.Progress.NONE);
        }
        Path project = folder.resolve("lead.db");
        try (ProjectDatabase lead = ProjectFiles.create(project, TaxonomyReader.defaultTaxonomy(), "t")) {
            new ResponseImporter(lead).importFiles(List.of(Files.writeString(folder.resolve("plain.jsonl"), plain)),
                    ImportFormat.NATIVE, null, ResponseImporter.Progress.NONE);
        }
        SplittableRandom random = new SplittableRandom(13);
        for (int kill = 0; kill < 6; kill++) {
            Process child = startChild("merge", project.toString(), labelFile.toString());
            Thread.sleep(300 + random.nextInt(2500));
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);

            assertThat(integrity(project)).isEqualTo("ok");
            long labels = count(project, "SELECT count(*) FROM label");
            assertThat(labels).as("labels after kill %d", kill).isIn(0L, (long) responses);
            if (labels == responses) {
                break;
            }
        }
    }

    private Path projectWithResponses(int count) throws Exception {
        Path project = folder.resolve("crash.db");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("{\"prompt\": \"prompt ").append(i).append("\", \"model\": \"m\", \"response\": \"r\"}\n");
        }
        Path input = Files.writeString(folder.resolve("seed.jsonl"), lines);
        try (ProjectDatabase database = ProjectFiles.create(project, TaxonomyReader.defaultTaxonomy(), "t")) {
            new ResponseImporter(database).importFiles(List.of(input), ImportFormat.NATIVE, null,
                    ResponseImporter.Progress.NONE);
        }
        return project;
    }

    static Process startChild(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), CrashChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String integrity(Path project) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project);
             PreparedStatement query = connection.prepareStatement("PRAGMA integrity_check");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long count(Path project, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project);
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** response id → {response type, note}. */
    private static Map<Long, String[]> storedLabels(Path project, String annotator) throws Exception {
        Map<Long, String[]> labels = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project);
             PreparedStatement query = connection.prepareStatement("SELECT l.response_id, s.option_id, l.note"
                     + " FROM label l JOIN label_selection s ON s.label_id = l.id"
                     + " JOIN annotator a ON a.id = l.annotator_id WHERE a.name = ?")) {
            query.setString(1, annotator);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    labels.put(rows.getLong(1), new String[] {rows.getString(2), rows.getString(3)});
                }
            }
        }
        return labels;
    }
}
