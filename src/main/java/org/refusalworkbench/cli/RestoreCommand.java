package org.refusalworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.refusalworkbench.storage.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", description = "Replace a project (closed everywhere) with a proven backup; default: the"
        + " newest good one.")
final class RestoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db")
    private Path project;

    @Option(names = "--from", paramLabel = "BACKUP", description = "The backup to restore (default: the newest"
            + " rolling backup proven good: this project's, integrity ok, schema not newer).")
    private Path from;

    @Option(names = "--force", description = "Restore a backup even when it holds fewer responses or labels than"
            + " the project.")
    private boolean force;

    @Override
    public Integer call() throws Exception {
        Path backup = from != null ? from : Backups.newestGood(project).orElseThrow(() ->
                new UserInputException(project + ": no good rolling backup found; give --from BACKUP"));
        Backups.restore(backup, project, force);
        spec.commandLine().getOut().println("restored " + project + " from " + backup);
        return 0;
    }
}
