package org.refusalworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.refusalworkbench.labelfile.FileMergeSummary;
import org.refusalworkbench.labelfile.LabelMerger;
import org.refusalworkbench.labelfile.MergeSummary;
import org.refusalworkbench.labelfile.OptionMapping;
import org.refusalworkbench.fileio.Progress;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "merge", description = "Merge label files from other workstations into a project, one transaction"
        + " per file; merging twice changes nothing.")
final class MergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db", description = "The project to merge into.")
    private Path project;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Label files (JSONL).")
    private List<Path> files;

    @Option(names = "--map", paramLabel = "MAPPING.json",
            description = "Translate option ids of a file made under another taxonomy (see docs/label-format.md).")
    private Path mappingFile;

    @Override
    public Integer call() throws Exception {
        OptionMapping mapping = mappingFile == null ? OptionMapping.NONE : OptionMapping.read(mappingFile);
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            MergeSummary summary = new LabelMerger(database).merge(files, mapping, Progress.NONE,
                    file -> report(out, file));
            if (files.size() > 1) {
                out.println("merged " + summary.describe());
            }
        }
        return 0;
    }

    private static void report(PrintWriter out, FileMergeSummary file) {
        out.println("merged " + file.describe());
        file.unknownExamples().forEach(example -> out.println("  unknown: " + example));
        if (file.unknown() > file.unknownExamples().size()) {
            out.printf("  ... and %,d more unknown record(s)%n", file.unknown() - file.unknownExamples().size());
        }
    }
}
