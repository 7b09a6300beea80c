package org.refusalworkbench.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.refusalworkbench.storage.LockWaits;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Builds the command line: every headless command of the app, with one exit-code policy for all of them. */
public final class Cli {

    /**
     * Bad input: a file, a value or a project that cannot be used as given; also a file that cannot be written where
     * it goes (a full disk, a read-only folder, no permission).
     */
    public static final int BAD_INPUT = 2;

    private static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    /**
     * Every command by the name its {@code @Command} gives it, in the order help lists them. picocli reads a
     * command's annotations when the command is added, about 0.2 s for all of them: so a command adds only itself,
     * and telling a command from the desktop app's arguments needs no picocli at all.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private Cli() {
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("init", InitCommand::new);
        commands.put("import", ImportCommand::new);
        commands.put("stats", StatsCommand::new);
        commands.put("demo", DemoCommand::new);
        commands.put("report", ReportCommand::new);
        commands.put("backup", BackupCommand::new);
        commands.put("restore", RestoreCommand::new);
        commands.put("check", CheckCommand::new);
        commands.put("settings", SettingsCommand::new);
        commands.put("agreement", AgreementCommand::new);
        commands.put("judge", JudgeCommand::new);
        commands.put("export", ExportCommand::new);
        commands.put("merge", MergeCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    /** The names of all commands, in the order help lists them. */
    static Collection<String> commandNames() {
        return COMMANDS.keySet();
    }

    /** The command line with every command, as help shows it. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(COMMANDS.keySet(), out, err);
    }

    /**
     * The command line that runs {@code args}: for a command, the root with that command alone; for anything else
     * (help, the version, a mistyped command) the root with every command, so help and suggestions see them all.
     */
    public static CommandLine commandLine(String[] args, PrintWriter out, PrintWriter err) {
        boolean oneCommand = args.length > 0 && COMMANDS.containsKey(args[0]);
        return commandLine(oneCommand ? List.of(args[0]) : COMMANDS.keySet(), out, err);
    }

    private static CommandLine commandLine(Collection<String> names, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        for (String name : names) {
            commandLine.addSubcommand(COMMANDS.get(name).get());
            addHelpOption(commandLine.getSubcommands().get(name));
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        return commandLine;
    }

    /** Every command and subcommand ({@code report calibration}) answers {@code --help}. */
    private static void addHelpOption(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        for (CommandLine subcommand : command.getSubcommands().values()) {
            addHelpOption(subcommand);
        }
    }

    public static int run(String[] args) {
        CommandLine commandLine = commandLine(args, new PrintWriter(System.out, true),
                new PrintWriter(System.err, true));
        announceWaits(commandLine.getErr());
        int exitCode = commandLine.execute(args);
        // A PrintWriter keeps write errors to itself: a report printed onto a full disk would otherwise succeed.
        if (StandardOutput.lostOutput(commandLine.getOut().checkError()) && exitCode == 0) {
            commandLine.getErr().println("error: standard output: writing failed (a full disk or device); the"
                    + " output is incomplete");
            exitCode = BAD_INPUT;
        }
        commandLine.getErr().flush();
        return exitCode;
    }

    /** A command that has to wait for another process's lock on a project says so, once. */
    private static void announceWaits(PrintWriter err) {
        AtomicBoolean announced = new AtomicBoolean();
        LockWaits.announceTo((project, limit) -> {
            if (announced.compareAndSet(false, true)) {
                err.println("waiting for another process using " + project + " (an import, a merge or the app"
                        + " saving) - up to " + LockWaits.describe(limit) + "...");
            }
        });
    }

    /**
     * Whether the command line should run headless: a command name, or one of the root options. Anything else
     * (a project file, {@code --annotator=NAME}, {@code --mode=review}) is for the desktop app.
     */
    public static boolean isCommand(String argument) {
        return ROOT_OPTIONS.contains(argument) || COMMANDS.containsKey(argument);
    }
}
