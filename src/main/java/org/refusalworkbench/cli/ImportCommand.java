package org.refusalworkbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.refusalworkbench.importing.ImportFormat;
import org.refusalworkbench.importing.ImportMapping;
import org.refusalworkbench.importing.ImportOptions;
import org.refusalworkbench.importing.ImportSummary;
import org.refusalworkbench.importing.ResponseImporter;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "Import response files into a project, all or nothing: the workbench's own"
        + " fields, chat and preference datasets, XSTest and other benchmarks' files, as JSON Lines, JSON arrays, CSV"
        + " or Parquet. Every problem of a file is listed in one pass.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db", description = "The project to import into.")
    private Path project;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Response files.")
    private List<Path> files;

    @Option(names = "--format", paramLabel = "NAME",
            description = "The files' format, one of: ${COMPLETION-CANDIDATES} (default: recognised from each file's"
                    + " header or first row).", completionCandidates = FormatNames.class)
    private String format;

    @Option(names = "--model", paramLabel = "NAME",
            description = "The model for rows that name none (for XSTest files, default: from the file name).")
    private String model;

    @Option(names = "--keep-unknown",
            description = "Keep fields the format does not know in each response's meta instead of refusing the file.")
    private boolean keepUnknown;

    @Option(names = "--map", paramLabel = "FILE",
            description = "A mapping file: where the rows keep our fields, how their values read as ours, and which"
                    + " columns are labels (docs/importing.md).")
    private Path map;

    /** Lists the format names for the help text. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(ImportFormat.values()).map(ImportFormat::formatName).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        ImportFormat importFormat;
        try {
            importFormat = format == null ? null : ImportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        ImportMapping mapping = map == null ? null : ImportMapping.read(map);
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            ImportSummary summary = ResponseImporter.forCommandLine(database).importFiles(files,
                    new ImportOptions(importFormat, model, keepUnknown, mapping), ResponseImporter.Progress.NONE);
            spec.commandLine().getOut().println("imported " + summary.describe());
        }
        return 0;
    }
}
