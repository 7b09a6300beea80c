package org.refusalworkbench.ui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** Per-user UI state kept in java.util.prefs: identity, recent projects, window geometry and layout. */
public final class UiSettings {

    private static final int RECENT_KEPT = 8;

    private final Preferences preferences;

    public UiSettings(Preferences preferences) {
        this.preferences = preferences;
    }

    public static UiSettings forUser() {
        return new UiSettings(Preferences.userRoot().node("org/refusalworkbench/ui"));
    }

    public String annotator() {
        return preferences.get("annotator", "");
    }

    public void setAnnotator(String name) {
        preferences.put("annotator", name);
        List<String> known = new ArrayList<>(knownAnnotators());
        known.remove(name);
        known.add(0, name);
        preferences.put("annotators", String.join("\n", known));
    }

    public List<String> knownAnnotators() {
        String stored = preferences.get("annotators", "");
        return stored.isBlank() ? List.of() : List.of(stored.split("\n"));
    }

    public List<Path> recentProjects() {
        String stored = preferences.get("recent", "");
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

    public void addRecentProject(Path file) {
        List<String> recent = new ArrayList<>(recentProjects().stream().map(Path::toString).toList());
        String entry = file.toAbsolutePath().toString();
        recent.remove(entry);
        recent.add(0, entry);
        preferences.put("recent", String.join("\n", recent.subList(0, Math.min(RECENT_KEPT, recent.size()))));
    }

    public double number(String key, double fallback) {
        return preferences.getDouble(key, fallback);
    }

    public void setNumber(String key, double value) {
        preferences.putDouble(key, value);
    }

    public boolean flag(String key, boolean fallback) {
        return preferences.getBoolean(key, fallback);
    }

    public void setFlag(String key, boolean value) {
        preferences.putBoolean(key, value);
    }

    public String text(String key, String fallback) {
        return preferences.get(key, fallback);
    }

    public void setText(String key, String value) {
        preferences.put(key, value);
    }
}
