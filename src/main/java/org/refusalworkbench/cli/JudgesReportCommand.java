package org.refusalworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.project.ProjectReports;
import org.refusalworkbench.report.JudgeHtml;
import org.refusalworkbench.report.JudgeLongTable;
import org.refusalworkbench.report.JudgeReportJson;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "judges", description = "Each judge against the final labels on the response type (or --group):"
        + " agreement, Cohen's kappa, confusion matrix, precision, recall and F1, per model and prompt category, and"
        + " the calibration rates it misstates.")
final class JudgesReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db")
    private Path project;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private ReportOutput output;

    @Option(names = "--raw-cells", description = "With --csv: text cells as they are, without the apostrophe that"
            + " keeps spreadsheets from running them as formulas (for programs).")
    private boolean rawCells;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples for kappa's interval (default: ${DEFAULT-VALUE}; 0 for none).")
    private int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The bootstrap's seed.")
    private long seed;

    @Option(names = "--against", paramLabel = "final|annotator:NAME|judge:NAME", defaultValue = "final",
            description = "What the judges are compared with (default: ${DEFAULT-VALUE}, gold where adjudicated,"
                    + " otherwise the annotators' majority).")
    private String against;

    @Option(names = "--group", paramLabel = "G", description = "The single-choice response group to compare"
            + " (default: the response type).")
    private String group;

    @Override
    public Integer call() throws Exception {
        if (bootstrap < 0) {
            throw new UserInputException("--bootstrap must be 0 or more");
        }
        output.checkTarget();
        ProjectReports.JudgeResults results;
        String name;
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            ProjectReports reports = ProjectReports.of(database);
            name = reports.projectName();
            try {
                results = reports.judges(against, group, ReportOptions.defaults().withBootstrap(bootstrap).withSeed(seed));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(project + ": " + e.getMessage());
            }
        }
        String projectName = name;
        ProjectReports.JudgeResults report = results;
        output.write(spec.commandLine().getOut(), () -> JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .build().writeValueAsString(JudgeReportJson.toJson(report.figures(), projectName, report.reference())),
                () -> LongTableCsv.render(JudgeLongTable.of(report.figures()), rawCells),
                () -> JudgeHtml.render(report.figures(), projectName, report.reference()));
        return 0;
    }
}
