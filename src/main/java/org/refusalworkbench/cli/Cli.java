package org.refusalworkbench.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/** Builds the command line: every headless command of the app, with one exit-code policy for all of them. */
public final class Cli {

    /** Bad input: a file, a value or a project that cannot be used as given. */
    public static final int BAD_INPUT = 2;

    private static CommandLine standard;

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
        CommandLine commandLine = standard();
        int exitCode = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return exitCode;
    }

    /** Built once per process: picocli's set-up of every command is a visible part of a short command's run. */
    private static synchronized CommandLine standard() {
        if (standard == null) {
            standard = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        }
        return standard;
    }

    /**
     * Whether the command line should run headless: a command name, or one of the root options. Anything else
     * (a project file, {@code --annotator=NAME}, {@code --mode=review}) is for the desktop app.
     */
    public static boolean isCommand(String argument) {
        return ROOT_OPTIONS.contains(argument) || standard().getSubcommands().containsKey(argument);
    }
}
