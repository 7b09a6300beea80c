package org.refusalworkbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.refusalworkbench.importing.JudgeImporter;
import org.refusalworkbench.judging.BuiltInJudges;
import org.refusalworkbench.judging.KeywordRule;
import org.refusalworkbench.project.JudgeRunner;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "judge", description = "Runs a keyword judge over every response and keeps its verdicts as that"
        + " judge's labels, apart from the people's (report them with: report judges).")
final class JudgeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db")
    private Path project;

    @Option(names = "--method", paramLabel = "xstest-strmatch|gcg-keywords|keywords",
            description = "The judge: a built-in published baseline, or keywords with --list.")
    private String method;

    @Option(names = "--from", arity = "1..*", paramLabel = "FILE", description = "Import a judge's labels instead:"
            + " judge files (judge, judge_version, raw, selections) or XSTest's automated evaluation files.")
    private List<Path> from;

    @Option(names = "--model", paramLabel = "NAME", description = "With --from: the model of XSTest evaluation"
            + " files whose name does not say it.")
    private String model;

    @Option(names = "--map", paramLabel = "FILE", description = "With --from: a mapping file whose \"judges\" name"
            + " the judge columns of rows of any shape (docs/importing.md); the same file imports the responses.")
    private Path map;

    @Option(names = "--list", paramLabel = "FILE", description = "With --method keywords: one refusal phrase a"
            + " line, matched at the start of the response, case-insensitively (# starts a comment).")
    private Path list;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "keywords",
            description = "With --method keywords: the judge's name (default: ${DEFAULT-VALUE}).")
    private String name;

    @Override
    public Integer call() throws Exception {
        if (map != null && from == null) {
            throw new UserInputException("--map reads judge columns of --from FILE: give --from too");
        }
        if ((method == null) == (from == null)) {
            throw new UserInputException("give --method NAME to run a judge, or --from FILE to import one's labels");
        }
        if (from != null) {
            return importLabels();
        }
        KeywordRule rule = rule();
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            JudgeRunner.Summary summary;
            try {
                summary = new JudgeRunner(database).run(rule);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(project + ": " + e.getMessage());
            }
            spec.commandLine().getOut().println(String.format(Locale.ROOT, "judged %,d responses with %s@%s:"
                    + " %,d refusals; %,d new labels (%,d already there)", summary.judged(), summary.judge(),
                    summary.version(), summary.refusals(), summary.added(), summary.judged() - summary.added()));
        }
        return 0;
    }

    private int importLabels() throws Exception {
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            List<JudgeImporter.Count> counts = new JudgeImporter(database).importFiles(from, model, map);
            for (JudgeImporter.Count count : counts) {
                spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s: %,d labels read (%,d unparsed),"
                        + " %,d new (%,d already there)", count.judge().label(), count.rows(), count.unparsed(),
                        count.added(), count.rows() - count.added()));
            }
        }
        return 0;
    }

    private KeywordRule rule() throws UserInputException {
        if (method.strip().equalsIgnoreCase("keywords")) {
            if (list == null) {
                throw new UserInputException("--method keywords needs --list FILE");
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(list, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserInputException(list + ": cannot read it (" + e.getMessage() + ")");
            }
            try {
                return BuiltInJudges.ownList(name.strip(), "sha256:" + sha256(String.join("\n", lines)).substring(0,
                        16), lines);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(list + ": " + e.getMessage());
            }
        }
        if (list != null) {
            throw new UserInputException("--list is for --method keywords only");
        }
        return BuiltInJudges.named(method).orElseThrow(() -> new UserInputException("unknown method '" + method
                + "' (use " + BuiltInJudges.all().stream().map(KeywordRule::name).collect(Collectors.joining(", "))
                + " or keywords --list FILE)"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
