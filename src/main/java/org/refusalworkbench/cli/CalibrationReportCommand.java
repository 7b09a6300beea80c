package org.refusalworkbench.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.project.ProjectReports;
import org.refusalworkbench.report.CalibrationBreakdown;
import org.refusalworkbench.report.CalibrationHtml;
import org.refusalworkbench.report.CalibrationJson;
import org.refusalworkbench.report.CalibrationLongTable;
import org.refusalworkbench.report.CalibrationReport;
import org.refusalworkbench.report.CalibrationTables;
import org.refusalworkbench.report.PaperTableText;
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

    @Option(names = "--by", paramLabel = "category|safety|model", description = "Every rate per prompt category"
            + " (XSTest's type, CoCoNot's category path) or per safety label, besides per model; 'model' is the"
            + " report as without --by.")
    private String by;

    @Override
    public Integer call() throws Exception {
        CalibrationBreakdown.Dimension dimension = dimension();
        output.checkTarget();
        CalibrationReport report = null;
        CalibrationBreakdown breakdown = null;
        Map<Long, String> promptNames;
        String name;
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            ProjectReports reports = withJudges ? ProjectReports.of(database).withJudges()
                    : ProjectReports.of(database);
            name = reports.projectName();
            if (dimension == null) {
                report = reports.calibration();
            } else {
                breakdown = reports.calibration(dimension);
            }
            promptNames = reports.promptNames();
        }
        String projectName = name;
        String labelRule = withJudges ? "Labels: gold where adjudicated, else the majority of annotators and judges"
                : "Labels: gold where adjudicated, else the annotators' majority";
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        if (breakdown != null) {
            CalibrationBreakdown parts = breakdown;
            output.write(spec.commandLine().getOut(), new ReportOutput.Renderings(
                    () -> json.writeValueAsString(CalibrationJson.toJson(parts, projectName, promptNames)),
                    () -> LongTableCsv.render(CalibrationLongTable.of(parts), rawCells),
                    () -> PaperTableText.markdown(CalibrationTables.of(parts, labelRule)),
                    () -> PaperTableText.latex(CalibrationTables.of(parts, labelRule)),
                    null));
            return 0;
        }
        CalibrationReport whole = report;
        output.write(spec.commandLine().getOut(), new ReportOutput.Renderings(
                () -> json.writeValueAsString(CalibrationJson.toJson(whole, projectName, promptNames)),
                () -> LongTableCsv.render(CalibrationLongTable.of(whole), rawCells),
                () -> PaperTableText.markdown(CalibrationTables.of(whole, labelRule)),
                () -> PaperTableText.latex(CalibrationTables.of(whole, labelRule)),
                () -> CalibrationHtml.render(whole, projectName)));
        return 0;
    }

    /** The breakdown asked for; null for the report per model. */
    private CalibrationBreakdown.Dimension dimension() throws UserInputException {
        if (by == null || by.equals("model")) {
            return null;
        }
        for (CalibrationBreakdown.Dimension dimension : CalibrationBreakdown.Dimension.values()) {
            if (dimension.id().equals(by)) {
                return dimension;
            }
        }
        throw new UserInputException("--by takes category, safety or model, not '" + by + "'");
    }
}
