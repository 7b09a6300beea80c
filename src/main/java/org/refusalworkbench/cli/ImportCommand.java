package org.refusalworkbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.refusalworkbench.importing.ImportFormat;
import org.refusalworkbench.importing.ImportSummary;
import org.refusalworkbench.importing.ResponseImporter;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "Import response files (JSONL, CSV, XSTest) into a project, all or nothing.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db", description = "The project to import into.")
    private Path project;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Response files.")
    private List<Path> files;

    @Option(names = "--format", paramLabel = "jsonl|csv|xstest",
            description = "The files' format (default: from each file's name and header).")
    private String format;

    @Option(names = "--model", paramLabel = "NAME",
            description = "Model name for XSTest files (default: from the file name).")
    private String model;

    @Override
    public Integer call() throws Exception {
        ImportFormat importFormat;
        try {
            importFormat = format == null ? null : ImportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            ImportSummary summary = ResponseImporter.forCommandLine(database).importFiles(files, importFormat, model,
                    ResponseImporter.Progress.NONE);
            spec.commandLine().getOut().println("imported " + summary.describe());
        }
        return 0;
    }
}
