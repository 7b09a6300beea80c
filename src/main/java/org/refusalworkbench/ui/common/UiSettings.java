package org.refusalworkbench.ui.common;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.refusalworkbench.fileio.WholeFile;
import org.refusalworkbench.project.DataFolder;

/**
 * Per-user UI state: identity, recent projects, window geometry and layout, each a typed {@link UiSetting}. It is
 * kept in {@code settings.properties} in the user's data folder, beside the demo project, so a second profile
 * ({@code REFUSAL_WORKBENCH_DATA}) or a test run has settings of its own. Every change is written whole (a
 * temporary file moved into place), so a crash never leaves half a settings file.
 */
public final class UiSettings {

    public static final String FILE_NAME = "settings.properties";
    /** Where releases before the settings file kept the same keys; read once, when there is no file yet. */
    static final String EARLIER_PREFERENCES_NODE = "org/refusalworkbench/ui";
    private static final int RECENT_KEPT = 8;
    private static final String ANNOTATOR = "annotator";
    private static final String ANNOTATORS = "annotators";
    private static final String RECENT = "recent";

    private final Path file;
    private final Properties values = new Properties();

    /** The settings in {@code file}; a missing or unreadable file means every setting has its default. */
    public UiSettings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException unreadable) {
                System.err.println("warning: " + file + ": cannot read the settings (" + unreadable.getMessage()
                        + "); using the defaults");
            }
        }
    }

    /** The user's settings in their data folder, taking over what an earlier release kept in java.util.prefs. */
    public static UiSettings forUser() {
        Path file = DataFolder.resolve().resolve(FILE_NAME);
        UiSettings settings = new UiSettings(file);
        if (!Files.exists(file)) {
            settings.adopt(Preferences.userRoot().node(EARLIER_PREFERENCES_NODE));
        }
        return settings;
    }

    /** Copies every key of an earlier release's preferences that this file does not have yet. */
    void adopt(Preferences earlier) {
        try {
            boolean changed = false;
            for (String key : earlier.keys()) {
                if (!values.containsKey(key)) {
                    values.setProperty(key, earlier.get(key, ""));
                    changed = true;
                }
            }
            if (changed) {
                store();
            }
        } catch (BackingStoreException | IllegalStateException unreadable) {
            // Nothing to take over: the defaults serve.
        }
    }

    public <T> T get(UiSetting<T> setting) {
        return setting.read(values.getProperty(setting.key()));
    }

    public <T> void set(UiSetting<T> setting, T value) {
        values.setProperty(setting.key(), setting.write(value));
        store();
    }

    public String annotator() {
        return values.getProperty(ANNOTATOR, "");
    }

    public void setAnnotator(String name) {
        values.setProperty(ANNOTATOR, name);
        List<String> known = new ArrayList<>(knownAnnotators());
        known.remove(name);
        known.add(0, name);
        values.setProperty(ANNOTATORS, String.join("\n", known));
        store();
    }

    public List<String> knownAnnotators() {
        String stored = values.getProperty(ANNOTATORS, "");
        return stored.isBlank() ? List.of() : List.of(stored.split("\n"));
    }

    public List<Path> recentProjects() {
        String stored = values.getProperty(RECENT, "");
        List<Path> recent = new ArrayList<>();
        if (!stored.isBlank()) {
            for (String line : stored.split("\n")) {
                Path path = Path.of(line);
                if (Files.exists(path)) {
                    recent.add(path);
                }
            }
        }
        return recent;
    }

    public void addRecentProject(Path project) {
        List<String> recent = new ArrayList<>(recentProjects().stream().map(Path::toString).toList());
        String entry = project.toAbsolutePath().toString();
        recent.remove(entry);
        recent.add(0, entry);
        values.setProperty(RECENT, String.join("\n", recent.subList(0, Math.min(RECENT_KEPT, recent.size()))));
        store();
    }

    public Path file() {
        return file;
    }

    /**
     * Settings are a convenience: a folder that cannot be written (read-only home, full disk) costs the remembered
     * layout, never the labelling, so a failed write is reported and work goes on.
     */
    private void store() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            StringWriter text = new StringWriter();
            values.store(text, "Refusal Workbench settings");
            WholeFile.write(file, out -> {
                try (Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                    writer.write(text.toString());
                }
                return null;
            });
        } catch (IOException e) {
            System.err.println("warning: " + file + ": cannot save the settings (" + e.getMessage() + ")");
        }
    }
}
