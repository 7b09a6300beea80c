package org.refusalworkbench.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.refusalworkbench.export.FinalLabelCsv;
import org.refusalworkbench.export.FinalLabelJsonLines;
import org.refusalworkbench.export.FinalLabelWriter;
import org.refusalworkbench.fileio.WholeFile;
import org.refusalworkbench.project.FinalLabelList;
import org.refusalworkbench.project.ProjectReports;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "final-labels", description = "Each response's final label per group: gold where adjudicated,"
        + " otherwise the annotators' majority; ties marked.")
final class FinalLabelsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db")
    private Path project;

    @Option(names = "--csv", description = "One spreadsheet row per response instead of one JSON object a line.")
    private boolean csv;

    @Option(names = "--raw-cells", description = "With --csv: text cells as they are, without the apostrophe that"
            + " keeps spreadsheets from running text starting with = + - @ as a formula (for programs).")
    private boolean rawCells;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write (default: standard output).")
    private Path output;

    @Option(names = "--with-judges", description = "Let each judge's parsed verdicts vote in the majorities as one more rater, named"
            + " judge:NAME@VERSION (judges are left out unless asked for).")
    private boolean withJudges;

    @Override
    public Integer call() throws Exception {
        if (output != null) {
            OutputFile.requireWritable(output);
        }
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            FinalLabelList labels = (withJudges ? ProjectReports.of(database).withJudges()
                    : ProjectReports.of(database)).finalLabels();
            if (output == null) {
                Writer out = spec.commandLine().getOut();
                labels.writeTo(rows(out, labels));
                out.flush();
                return 0;
            }
            try {
                WholeFile.write(output, stream -> {
                    Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                    labels.writeTo(rows(out, labels));
                    out.flush();
                    return null;
                });
            } catch (IOException e) {
                throw CannotWriteException.writingWhole(output, e);
            }
            spec.commandLine().getErr().println("wrote the final labels of " + labels.size() + " responses to "
                    + output);
        }
        return 0;
    }

    private FinalLabelWriter rows(Writer out, FinalLabelList labels) throws IOException {
        return csv ? new FinalLabelCsv(out, labels.groupIds(), labels.judges(), rawCells)
                : new FinalLabelJsonLines(out);
    }
}
