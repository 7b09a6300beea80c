package org.refusalworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.refusalworkbench.storage.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", description = "Replace a project (closed in the app) with a backup; default: the newest good one.")
final class RestoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db")
    private Path project;

    @Option(names = "--from", paramLabel = "BACKUP", description = "The backup to restore (default: the newest"
            + " rolling backup that passes an integrity check).")
    private Path from;

    @Override
    public Integer call() throws Exception {
        Path backup = from != null ? from : Backups.newestGood(project).orElseThrow(() ->
                new UserInputException(project + ": no good rolling backup found; give --from BACKUP"));
        Backups.restore(backup, project);
        spec.commandLine().getOut().println("restored " + project + " from " + backup);
        return 0;
    }
}
