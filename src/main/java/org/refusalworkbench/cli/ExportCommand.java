package org.refusalworkbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.refusalworkbench.AppInfo;
import org.refusalworkbench.export.ExportFormat;
import org.refusalworkbench.export.ExportOptions;
import org.refusalworkbench.export.ExportSummary;
import org.refusalworkbench.export.LabelExporter;
import org.refusalworkbench.fileio.Progress;
import org.refusalworkbench.project.DatasetFolderExport;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", description = "Export labels as a label file (jsonl), a spreadsheet (csv), preference"
        + " pairs (preference), TRL's DPO or KTO datasets (trl-dpo, trl-kto) or the flat label table (label-table).")
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db", description = "The project to export from.")
    private Path project;

    @Option(names = "--format", paramLabel = "jsonl|csv|preference|trl-dpo|trl-kto|label-table|hf",
            defaultValue = "jsonl", description = "What to write (default: ${DEFAULT-VALUE}); hf writes a Hugging"
            + " Face dataset folder (-o FOLDER) with its dataset card.")
    private String format;

    @Option(names = "--license", paramLabel = "ID", defaultValue = "other",
            description = "With --format hf: the dataset card's licence id, e.g. cc-by-4.0 (default:"
                    + " ${DEFAULT-VALUE}).")
    private String license;

    @Option(names = "--table-format", paramLabel = "jsonl|csv|parquet", defaultValue = "jsonl",
            description = "The file format of the label table (default: ${DEFAULT-VALUE}).")
    private String tableFormat;

    @Option(names = "--raw-cells", description = "Write CSV cells as they are, without the apostrophe that keeps"
            + " spreadsheets from running text starting with = + - @ as a formula: for programs, not spreadsheets.")
    private boolean rawCells;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write (default: standard output).")
    private Path output;

    @Option(names = "--annotator", paramLabel = "NAME",
            description = "Only this person's labels and intent labels (and adjudications they made).")
    private String annotator;

    @Option(names = "--gold-only", description = "Only adjudications (gold labels).")
    private boolean goldOnly;

    @Override
    public Integer call() throws Exception {
        if (format.strip().equalsIgnoreCase("hf")) {
            return datasetFolder();
        }
        if (output != null) {
            OutputFile.requireWritable(output);
        }
        ExportOptions options;
        try {
            options = new ExportOptions(ExportFormat.parse(format), annotator, goldOnly, tableFile(tableFormat),
                    rawCells);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            database.readOnlyNotice().ifPresent(notice -> spec.commandLine().getErr().println("note: " + notice));
            LabelExporter exporter = new LabelExporter(database, AppInfo.version());
            ExportSummary summary;
            try {
                if (output == null) {
                    PrintStream stdout = System.out;
                    summary = exporter.export(options, stdout, Progress.NONE);
                    // PrintStream keeps write errors to itself: a full disk would otherwise look like a success.
                    if (StandardOutput.lostOutput(stdout.checkError())) {
                        throw new CannotWriteException("standard output: writing failed (a full disk or device);"
                                + " the export is incomplete");
                    }
                } else {
                    summary = exportToFile(exporter, options);
                }
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            // The file goes to stdout when no -o is given, so the report goes to stderr.
            spec.commandLine().getErr().println("exported " + summary.describe()
                    + (output == null ? "" : " to " + output));
        }
        return 0;
    }

    /** The dataset folder: written whole into a new or empty folder, or not at all. */
    private int datasetFolder() throws Exception {
        if (output == null) {
            throw new UserInputException("--format hf writes a folder: give -o FOLDER");
        }
        if (annotator != null || goldOnly) {
            throw new UserInputException("--format hf exports the whole project; --annotator and --gold-only do not"
                    + " apply");
        }
        try {
            DatasetFolderExport.checkTarget(output);
        } catch (IOException e) {
            throw new UserInputException(e.getMessage());
        }
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            DatasetFolderExport.Summary summary;
            try {
                summary = new DatasetFolderExport(database, AppInfo.version()).write(output, license.strip());
            } catch (IOException e) {
                throw CannotWriteException.writingWhole(output, e);
            }
            spec.commandLine().getErr().println(String.format(java.util.Locale.ROOT, "exported a dataset folder to"
                    + " %s: %,d labels, the final labels of %,d responses%s", summary.folder(), summary.labels(),
                    summary.finalLabels(), summary.pairs() == 0 ? " (no DPO pairs)"
                            : String.format(java.util.Locale.ROOT, ", %,d DPO pairs", summary.pairs())));
        }
        return 0;
    }

    private static ExportOptions.TableFile tableFile(String name) {
        try {
            return ExportOptions.TableFile.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown table format '" + name + "' (use jsonl, csv or parquet)");
        }
    }

    private ExportSummary exportToFile(LabelExporter exporter, ExportOptions options) throws CannotWriteException {
        try {
            return exporter.export(options, output, Progress.NONE);
        } catch (IOException e) {
            throw CannotWriteException.writingWhole(output, e);
        }
    }
}
