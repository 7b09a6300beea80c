package org.refusalworkbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.project.ProjectReports;
import org.refusalworkbench.report.PairedComparison;
import org.refusalworkbench.report.PairedComparisonTables;
import org.refusalworkbench.report.PaperTableText;
import org.refusalworkbench.statistics.PairedBootstrap;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", description = "Two models on the prompts both answered: the 2×2 table of paired outcomes,"
        + " McNemar's exact test and mid-p, the difference of rates with a paired bootstrap interval, and Holm and"
        + " Benjamini-Hochberg adjustments across subsets.")
final class CompareReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db")
    private Path project;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private ReportOutput output;

    @Option(names = "--models", paramLabel = "A,B", required = true, split = ",",
            description = "The two models; the same model twice with --sources compares two label sources.")
    private List<String> models;

    @Option(names = "--sources", paramLabel = "SOURCE_A,SOURCE_B", split = ",",
            description = "Whose labels count for each side: final (default: gold where adjudicated, otherwise the"
                    + " annotators' majority) or judge:NAME@VERSION.")
    private List<String> sources;

    @Option(names = "--group", paramLabel = "G", description = "Compare each option of this response group"
            + " instead of the refusal (full or partial).")
    private String group;

    @Option(names = "--by", paramLabel = "category", description = "Add a subset per prompt category, and adjust"
            + " p-values across the categories rather than across safe and unsafe.")
    private String by;

    @Option(names = "--bootstrap", paramLabel = "N", description = "Bootstrap resamples for the interval of the"
            + " difference (default: " + PairedBootstrap.DEFAULT_RESAMPLES + ").")
    private int resamples = PairedBootstrap.DEFAULT_RESAMPLES;

    @Option(names = "--seed", paramLabel = "S", description = "The bootstrap's seed (default: "
            + PairedBootstrap.DEFAULT_SEED + ").")
    private long seed = PairedBootstrap.DEFAULT_SEED;

    @Option(names = "--raw-cells", description = "With --csv: text cells as they are, without the apostrophe that"
            + " keeps spreadsheets from running them as formulas (for programs).")
    private boolean rawCells;

    @Option(names = "--with-judges", description = "Let each judge's parsed verdicts vote in the final labels' majorities.")
    private boolean withJudges;

    @Override
    public Integer call() throws Exception {
        if (models.size() != 2) {
            throw new UserInputException("--models takes two models, A,B; got " + models.size());
        }
        if (sources != null && sources.size() != 2) {
            throw new UserInputException("--sources takes one source per model, A,B; got " + sources.size());
        }
        if (by != null && !by.equals("category")) {
            throw new UserInputException("--by takes 'category', not '" + by + "'");
        }
        if (resamples < 1) {
            throw new UserInputException("--bootstrap must be 1 or more");
        }
        output.checkTarget();
        PairedComparison comparison;
        String name;
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            ProjectReports reports = withJudges ? ProjectReports.of(database).withJudges()
                    : ProjectReports.of(database);
            name = reports.projectName();
            try {
                comparison = reports.compare(
                        ProjectReports.ComparedModel.parse(models.get(0), sources == null ? null : sources.get(0)),
                        ProjectReports.ComparedModel.parse(models.get(1), sources == null ? null : sources.get(1)),
                        new PairedComparison.Request(group, by != null, resamples, seed));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(project + ": " + e.getMessage());
            }
        }
        String projectName = name;
        PairedComparison report = comparison;
        output.write(spec.commandLine().getOut(), new ReportOutput.Renderings(
                () -> JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(PairedComparisonTables.toJson(report, projectName)),
                () -> LongTableCsv.render(PairedComparisonTables.longTable(report), rawCells),
                () -> PaperTableText.markdown(PairedComparisonTables.paperTables(report)),
                () -> PaperTableText.latex(PairedComparisonTables.paperTables(report)),
                null));
        return 0;
    }
}
