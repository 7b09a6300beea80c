package org.refusalworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.project.ProjectReports;
import org.refusalworkbench.report.CalibrationHtml;
import org.refusalworkbench.report.CalibrationJson;
import org.refusalworkbench.report.CalibrationLongTable;
import org.refusalworkbench.report.CalibrationReport;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "calibration", description = "How each model refuses on safe and unsafe prompts, with Wilson intervals.")
final class CalibrationReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db")
    private Path project;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private ReportOutput output;

    @Option(names = "--raw-cells", description = "With --csv: text cells as they are, without the apostrophe that"
            + " keeps spreadsheets from running them as formulas (for programs).")
    private boolean rawCells;

    @Option(names = "--with-judges", description = "Let each judge's parsed verdicts vote in the majorities as one more rater, named"
            + " judge:NAME@VERSION (judges are left out unless asked for).")
    private boolean withJudges;

    @Override
    public Integer call() throws Exception {
        output.checkTarget();
        CalibrationReport report;
        String name;
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            ProjectReports reports = withJudges ? ProjectReports.of(database).withJudges()
                    : ProjectReports.of(database);
            name = reports.projectName();
            report = reports.calibration();
        }
        String projectName = name;
        output.write(spec.commandLine().getOut(), () -> JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .build().writeValueAsString(CalibrationJson.toJson(report, projectName)),
                () -> LongTableCsv.render(CalibrationLongTable.of(report), rawCells),
                () -> CalibrationHtml.render(report, projectName));
        return 0;
    }
}
