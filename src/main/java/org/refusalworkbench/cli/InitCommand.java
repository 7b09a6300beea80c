package org.refusalworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.refusalworkbench.AppInfo;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", description = "Create a new, empty project file with the default or a custom taxonomy.")
final class InitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db", description = "The project file to create.")
    private Path project;

    @Option(names = "--taxonomy", paramLabel = "FILE", description = "A taxonomy JSON file (default: built-in).")
    private Path taxonomyFile;

    @Override
    public Integer call() throws Exception {
        OutputFile.requireWritable(project);
        Taxonomy taxonomy = taxonomyFile == null ? TaxonomyReader.defaultTaxonomy()
                : new TaxonomyReader().read(taxonomyFile);
        ProjectFiles.create(project, taxonomy, AppInfo.version()).close();
        spec.commandLine().getOut().printf("created %s with taxonomy %s %s (%d groups)%n", project,
                taxonomy.id(), taxonomy.version(), taxonomy.groups().size());
        // A project without roles still labels; the warning says which reports will say "not available" and why.
        for (String missing : taxonomy.roles().missing()) {
            spec.commandLine().getErr().printf("warning: %s declares %s (see the roles in docs/taxonomy.md)%n",
                    taxonomyFile, missing);
        }
        return 0;
    }
}
