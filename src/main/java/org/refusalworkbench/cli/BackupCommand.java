package org.refusalworkbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.refusalworkbench.storage.Backups;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup", description = "Copy a project consistently, even while the app is writing to it.")
final class BackupCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db")
    private Path project;

    @Parameters(index = "1", paramLabel = "FILE", description = "Where to write the copy (must not exist).")
    private Path target;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(target)) {
            throw new UserInputException(target + ": already exists");
        }
        OutputFile.requireWritable(target);
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            database.readOnlyNotice().ifPresent(notice -> spec.commandLine().getErr().println("note: " + notice));
            Backups.copy(database, target);
        }
        spec.commandLine().getOut().println("backed up " + project + " to " + target);
        return 0;
    }
}
