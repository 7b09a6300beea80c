package org.refusalworkbench.project;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where per-user files live: the platform's usual application-data folder, or one named for tests and kiosks. It
 * belongs to no one feature: the app keeps its settings there, the command line its demo project, and both the
 * unpacked native SQLite library, so it sits with the other JavaFX-free services both of them use.
 */
public final class DataFolder {

    public static final String PROPERTY = "refusalworkbench.data";
    public static final String ENVIRONMENT = "REFUSAL_WORKBENCH_DATA";

    private DataFolder() {
    }

    public static Path resolve() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Refusal Workbench");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Refusal Workbench");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : home + "/.local/share", "refusal-workbench");
    }
}
