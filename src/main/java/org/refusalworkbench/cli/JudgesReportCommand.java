package org.refusalworkbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.project.ProjectReports;
import org.refusalworkbench.report.JudgeReport;
import org.refusalworkbench.report.JudgeReportJson;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "judges", description = "Each judge against the final labels on the response type: agreement,"
        + " Cohen's kappa, confusion matrix, precision, recall and F1, per model, and the calibration rates it"
        + " misstates.")
final class JudgesReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db")
    private Path project;

    @Option(names = "--json", required = true, description = "Print the report as one JSON object.")
    private boolean json;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples for kappa's interval (default: ${DEFAULT-VALUE}; 0 for none).")
    private int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The bootstrap's seed.")
    private long seed;

    @Override
    public Integer call() throws Exception {
        if (bootstrap < 0) {
            throw new UserInputException("--bootstrap must be 0 or more");
        }
        List<JudgeReport.JudgeFigures> report;
        String name;
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            ProjectReports reports = ProjectReports.of(database);
            name = reports.projectName();
            try {
                report = reports.judges(ReportOptions.defaults().withBootstrap(bootstrap).withSeed(seed));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(project + ": " + e.getMessage());
            }
        }
        spec.commandLine().getOut().println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(JudgeReportJson.toJson(report, name)));
        return 0;
    }
}
