package org.refusalworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.refusalworkbench.storage.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", description = "Run SQLite's integrity check on a project and list its rolling backups.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db")
    private Path project;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(project)) {
            spec.commandLine().getErr().println("error: " + project + ": no such project file");
            return Cli.BAD_INPUT;
        }
        String integrity = Backups.integrity(project);
        out.println(project + ": " + ("ok".equals(integrity) ? "ok" : "DAMAGED: " + integrity));
        for (Path backup : Backups.list(project)) {
            out.println("  backup " + backup);
        }
        return "ok".equals(integrity) ? 0 : Cli.BAD_INPUT;
    }
}
