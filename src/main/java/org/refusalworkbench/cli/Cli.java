package org.refusalworkbench.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/** Builds the command line: every headless command of the app, with one exit-code policy for all of them. */
public final class Cli {

    /** Bad input: a file, a value or a project that cannot be used as given. */
    public static final int BAD_INPUT = 2;

    private static final java.util.Set<String> ROOT_OPTIONS = java.util.Set.of("-h", "--help", "-V", "--version");

    private Cli() {
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RootCommand())
                .addSubcommand(new InitCommand())
                .addSubcommand(new ImportCommand())
                .addSubcommand(new StatsCommand())
                .addSubcommand(new DemoCommand())
                .addSubcommand(new ReportCommand())
                .addSubcommand(new BackupCommand())
                .addSubcommand(new RestoreCommand())
                .addSubcommand(new CheckCommand())
                .addSubcommand(new AgreementCommand())
                .addSubcommand(new ExportCommand())
                .addSubcommand(new MergeCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        return commandLine;
    }

    public static int run(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int exitCode = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    /**
     * Whether the command line should run headless: a command name, or one of the root options. Anything else
     * (a project file, {@code --annotator=NAME}, {@code --mode=review}) is for the desktop app.
     */
    public static boolean isCommand(String argument) {
        return ROOT_OPTIONS.contains(argument) || commandLine(new PrintWriter(System.out), new PrintWriter(System.err))
                .getSubcommands().containsKey(argument);
    }
}
