package org.refusalworkbench.ui.start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the app was asked to start. With an annotator and a project (or the demo) given, the start dialog is skipped:
 * that is how tests, kiosks and scripted screenshots start the app.
 *
 * @param annotator from {@code -Drefusalworkbench.annotator=NAME} or {@code --annotator=NAME}; may be null
 * @param project   a project file from the command line or {@code -Drefusalworkbench.project}; null for none
 * @param demo      {@code --demo}, a project named {@code demo} or {@code -Drefusalworkbench.project=demo}: open the
 *                  demo project
 * @param review    {@code --review}, {@code --mode=review} or {@code -Drefusalworkbench.mode=review}: open review mode
 *                  instead of labelling
 */
public record StartOptions(String annotator, Path project, boolean demo, boolean review) {

    public static final String ANNOTATOR_PROPERTY = "refusalworkbench.annotator";
    public static final String PROJECT_PROPERTY = "refusalworkbench.project";
    public static final String MODE_PROPERTY = "refusalworkbench.mode";
    /** What the app's command line takes, for the message that refuses anything else. */
    public static final String USAGE = "the app takes a project file (or demo), --annotator=NAME, --review"
            + " (or --mode=review) and --demo";

    private static final Set<String> NAMED_OPTIONS = Set.of("annotator", "mode");
    private static final Set<String> FLAGS = Set.of("--demo", "--review");
    private static final Set<String> MODES = Set.of("review", "label");

    /**
     * An argument the app does not know. A misspelt option used to be taken for the project's file name and
     * failed as "no such project file".
     */
    public static final class UnknownOptionException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        UnknownOptionException(String problem) {
            super(problem + "; " + USAGE);
        }
    }

    public static StartOptions from(List<String> unnamed, Map<String, String> named) {
        for (String name : named.keySet()) {
            if (!NAMED_OPTIONS.contains(name)) {
                throw new UnknownOptionException("unknown option '--" + name + "=" + named.get(name) + "'");
            }
        }
        List<String> files = new ArrayList<>();
        Set<String> flags = new HashSet<>();
        for (String argument : unnamed) {
            if (argument.startsWith("-psn_")) {
                continue;   // older macOS adds a process serial number when the app is started from the Finder
            }
            if (!argument.startsWith("--")) {
                files.add(argument);
            } else if (FLAGS.contains(argument)) {
                flags.add(argument);
            } else {
                throw new UnknownOptionException("unknown option '" + argument + "'");
            }
        }
        if (files.size() > 1) {
            throw new UnknownOptionException("one project at a time, got " + String.join(", ", files));
        }
        String mode = named.getOrDefault("mode", System.getProperty(MODE_PROPERTY));
        if (mode != null && !MODES.contains(mode)) {
            throw new UnknownOptionException("--mode is review or label, not '" + mode + "'");
        }
        String annotator = named.getOrDefault("annotator", System.getProperty(ANNOTATOR_PROPERTY));
        String project = files.isEmpty() ? System.getProperty(PROJECT_PROPERTY) : files.get(0);
        boolean demo = "demo".equals(project) || flags.contains("--demo");
        boolean review = "review".equals(mode) || flags.contains("--review");
        return new StartOptions(blankToNull(annotator), demo || project == null ? null : Path.of(project), demo,
                review);
    }

    /**
     * The same options from the raw arguments, before the toolkit has parsed them: as JavaFX does, an argument
     * {@code --name=value} is named and any other is unnamed.
     */
    public static StartOptions fromArguments(String[] args) {
        List<String> unnamed = new ArrayList<>();
        Map<String, String> named = new HashMap<>();
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
