package org.refusalworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.refusalworkbench.project.ProjectRules;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "settings", description = "Show or change a project's settings for everyone who labels it.")
final class SettingsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db")
    private Path project;

    @Option(names = "--done-requires-complete", paramLabel = "true|false", arity = "1",
            description = "Mark a prompt done only when nothing required is missing, no response is untouched and"
                    + " no rule is broken (no \"done anyway\"). Labelers see it the next time they open the project.")
    private Boolean doneRequiresComplete;

    @Override
    public Integer call() throws Exception {
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            if (doneRequiresComplete != null) {
                if (database.readOnlyNotice().isPresent()) {
                    throw new UserInputException(project + ": " + database.readOnlyNotice().get()
                            + "; cannot change its settings");
                }
                ProjectRules.setDoneRequiresComplete(database, doneRequiresComplete);
            }
            spec.commandLine().getOut().println("done-requires-complete: "
                    + ProjectRules.doneRequiresComplete(database));
        }
        return 0;
    }
}
