package org.refusalworkbench.ui.start;

import java.nio.file.Path;
import java.util.List;

/**
 * How the app was asked to start. With an annotator and a project (or the demo) given, the start dialog is skipped:
 * that is how tests, kiosks and scripted screenshots start the app.
 *
 * @param annotator from {@code -Drefusalworkbench.annotator=NAME} or {@code --annotator=NAME}; may be null
 * @param project   a project file from the command line or {@code -Drefusalworkbench.project}; null for none
 * @param demo      {@code --demo} or {@code -Drefusalworkbench.project=demo}: open the demo project
 */
public record StartOptions(String annotator, Path project, boolean demo) {

    public static final String ANNOTATOR_PROPERTY = "refusalworkbench.annotator";
    public static final String PROJECT_PROPERTY = "refusalworkbench.project";

    public static StartOptions from(List<String> unnamed, java.util.Map<String, String> named) {
        String annotator = named.getOrDefault("annotator", System.getProperty(ANNOTATOR_PROPERTY));
        String project = unnamed.isEmpty() ? System.getProperty(PROJECT_PROPERTY) : unnamed.get(0);
        boolean demo = "demo".equals(project) || named.containsKey("demo");
        return new StartOptions(blankToNull(annotator), demo || project == null ? null : Path.of(project), demo);
    }

    public boolean skipsDialog() {
        return annotator != null && (project != null || demo);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
