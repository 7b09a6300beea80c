package org.refusalworkbench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.domain.ChangeSource;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.importing.ImportFormat;
import org.refusalworkbench.importing.ResponseImporter;
import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.taxonomy.TaxonomyReader;

/** Two app instances (or the app and the CLI) on one project file: both write, nothing is lost, nothing fails. */
class ConcurrentUseTest {

    private static final int RESPONSES = 40;
    private static final int ROUNDS = 5;

    @TempDir
    Path folder;

    @Test
    void twoInstancesLabellingAtOnceLoseNoWrite() throws Exception {
        Path file = createProjectWithResponses();
        try (ProjectDatabase first = ProjectFiles.open(file); ProjectDatabase second = ProjectFiles.open(file)) {
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> label(first, "first"));
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> label(second, "second"));
            CompletableFuture.allOf(a, b).join();

            assertThat(labelCount(first, "first")).isEqualTo(RESPONSES);
            assertThat(labelCount(second, "second")).isEqualTo(RESPONSES);
            assertThat(labelCount(second, "first")).as("each instance sees the other's writes").isEqualTo(RESPONSES);
        }
    }

    @Test
    void anImportFromTheCommandLineWhileTheAppLabels() throws Exception {
        Path file = createProjectWithResponses();
        StringBuilder more = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            more.append("{\"prompt\": \"extra ").append(i).append("\", \"model\": \"m\", \"response\": \"r\"}\n");
        }
        Path extra = Files.writeString(folder.resolve("extra.jsonl"), more);
        try (ProjectDatabase app = ProjectFiles.open(file); ProjectDatabase cli = ProjectFiles.open(file)) {
            CompletableFuture<Void> labelling = CompletableFuture.runAsync(() -> label(app, "labeler"));
            CompletableFuture<Void> importing = CompletableFuture.runAsync(() -> {
                try {
                    new ResponseImporter(cli).importFiles(List.of(extra), ImportFormat.NATIVE, null,
                            ResponseImporter.Progress.NONE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            CompletableFuture.allOf(labelling, importing).join();

            assertThat(labelCount(app, "labeler")).isEqualTo(RESPONSES);
            assertThat(app.<Long>read(c -> count(c, "SELECT count(*) FROM response"))).isEqualTo(RESPONSES + 3000L);
        }
    }

    private Path createProjectWithResponses() throws Exception {
        Path file = folder.resolve("shared.db");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < RESPONSES; i++) {
            lines.append("{\"prompt_id\": \"p").append(i / 4).append("\", \"prompt\": \"prompt ").append(i / 4)
                    .append("\", \"model\": \"m").append(i % 4).append("\", \"response\": \"r").append(i).append("\"}\n");
        }
        Path input = Files.writeString(folder.resolve("r.jsonl"), lines);
        try (ProjectDatabase database = ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "t")) {
            new ResponseImporter(database).importFiles(List.of(input), ImportFormat.NATIVE, null,
                    ResponseImporter.Progress.NONE);
        }
        return file;
    }

    /** Several passes over every response, each a separate transaction, as clicks in the app are. */
    private static void label(ProjectDatabase database, String annotator) {
        List<Long> responses = database.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("SELECT id FROM response ORDER BY id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
        String[] types = {"full_compliance", "full_refusal", "partial_refusal"};
        for (int round = 0; round < ROUNDS; round++) {
            for (long response : responses) {
                String type = types[(int) ((response + round) % types.length)];
                database.writer().run(c -> LabelStore.save(c, LabelKind.RESPONSE_LABEL, response,
                        Annotators.idFor(c, annotator), Selections.of(Map.of("response_type", List.of(type))),
                        null, ChangeSource.APP));
            }
        }
    }

    private static long labelCount(ProjectDatabase database, String annotator) {
        return database.read(c -> count(c, "SELECT count(*) FROM label l JOIN annotator a ON a.id = l.annotator_id"
                + " JOIN label_selection s ON s.label_id = l.id WHERE a.name = '" + annotator + "'"));
    }

    private static long count(java.sql.Connection c, String sql) throws Exception {
        try (PreparedStatement query = c.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
