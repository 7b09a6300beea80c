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
 * @param review    {@code -Drefusalworkbench.mode=review} or {@code --mode=review}: open review mode instead of labelling
 */
public record StartOptions(String annotator, Path project, boolean demo, boolean review) {

    public static final String ANNOTATOR_PROPERTY = "refusalworkbench.annotator";
    public static final String PROJECT_PROPERTY = "refusalworkbench.project";
    public static final String MODE_PROPERTY = "refusalworkbench.mode";

    public static StartOptions from(List<String> unnamed, java.util.Map<String, String> named) {
        String annotator = named.getOrDefault("annotator", System.getProperty(ANNOTATOR_PROPERTY));
        String project = unnamed.isEmpty() ? System.getProperty(PROJECT_PROPERTY) : unnamed.get(0);
        boolean demo = "demo".equals(project) || named.containsKey("demo");
        boolean review = "review".equals(named.getOrDefault("mode", System.getProperty(MODE_PROPERTY)));
        return new StartOptions(blankToNull(annotator), demo || project == null ? null : Path.of(project), demo,
                review);
    }

    /**
     * The same options from the raw arguments, before the toolkit has parsed them: as JavaFX does, an argument
     * {@code --name=value} is named and any other is unnamed.
     */
    public static StartOptions fromArguments(String[] args) {
        List<String> unnamed = new java.util.ArrayList<>();
        java.util.Map<String, String> named = new java.util.HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 2) {
                named.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else {
                unnamed.add(arg);
            }
        }
        return from(unnamed, named);
    }

    public boolean skipsDialog() {
        return annotator != null && (project != null || demo);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
