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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.demo.DemoProject;
import org.refusalworkbench.project.DataFolder;

/**
 * The app is killed with SIGKILL the moment its status bar says "All changes saved" after a note was typed; the
 * note must be in the project. A note waiting for its typing pause used to be shown as saved, and was lost.
 */
class NoteCrashTest {

    private static final int KILLS = 3;

    @TempDir
    Path folder;

    @Test
    void aNoteShownAsSavedSurvivesSigkill() throws Exception {
        Path project = folder.resolve("notes.db");
        Files.copy(new DemoProject(folder.resolve("demo"), "test").ensure(), project);
        for (int kill = 0; kill < KILLS; kill++) {
            String annotator = "crash-" + kill;
            String note = "Refuses, then hints at the answer (" + kill + ")";
            Process child = startChild(project, annotator, note);
            long response = -1;
            List<String> shown = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("response ")) {
                        response = Long.parseLong(line.substring("response ".length()));
                    } else if (line.startsWith("shown ")) {
                        shown.add(line);
                        if (line.contains("All changes saved")) {
                            break;
                        }
                    }
                }
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            } finally {
                child.destroyForcibly();
            }
            assertThat(shown).as("what the status bar showed").last().asString().contains("All changes saved");
            assertThat(storedNote(project, annotator, response)).as("after kill %d, having shown %s", kill, shown)
                    .isEqualTo(note);
        }
    }

    private Process startChild(Path project, String annotator, String note) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-D" + DataFolder.PROPERTY + "=" + folder.resolve("data"),
                "-Djava.util.prefs.userRoot=" + folder.resolve("prefs"),
                "-cp", System.getProperty("java.class.path"), NoteCrashChild.class.getName(),
                project.toString(), annotator, note));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String storedNote(Path project, String annotator, long response) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project);
             PreparedStatement query = connection.prepareStatement("SELECT l.note FROM label l"
                     + " JOIN annotator a ON a.id = l.annotator_id WHERE a.name = ? AND l.response_id = ?")) {
            query.setString(1, annotator);
            query.setLong(2, response);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
