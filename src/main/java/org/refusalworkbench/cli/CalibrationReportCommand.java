package org.refusalworkbench.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.report.CalibrationHtml;
import org.refusalworkbench.report.CalibrationJson;
import org.refusalworkbench.report.CalibrationReport;
import org.refusalworkbench.storage.JudgementQuery;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.taxonomy.Taxonomy;
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
    private Output output;

    static final class Output {
        @Option(names = "--json", description = "Print the report as one JSON object.")
        boolean json;

        @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
        Path html;
    }

    @Override
    public Integer call() throws Exception {
        CalibrationReport report;
        String name;
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            Taxonomy taxonomy = database.read(ProjectSetup::currentTaxonomy);
            name = database.read(ProjectSetup::projectName);
            report = CalibrationReport.compute(database.read(JudgementQuery::all), taxonomy);
        }
        if (output.json) {
            spec.commandLine().getOut().println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                    .build().writeValueAsString(CalibrationJson.toJson(report, name)));
        } else {
            Files.writeString(output.html, CalibrationHtml.render(report, name), StandardCharsets.UTF_8);
            spec.commandLine().getOut().println("wrote " + output.html);
        }
        return 0;
    }
}
