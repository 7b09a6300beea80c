package org.refusalworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.refusalworkbench.agreement.AgreementReport;
import org.refusalworkbench.agreement.MeasurementLevel;
import org.refusalworkbench.agreement.RatingTable;
import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.agreement.SetDistance;
import org.refusalworkbench.importing.RatingsCsvReader;
import org.refusalworkbench.importing.RatingsFileException;
import org.refusalworkbench.report.ProjectAgreementText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agreement --ratings FILE.csv ...}: inter-annotator agreement of a ratings file. Exit 0 ok, 2 bad input. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = "Inter-annotator agreement (kappas, Krippendorff's alpha, Gwet's AC1/AC2) with bootstrap intervals.")
public final class AgreementCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int BAD_INPUT = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT.db", description = "Project database: agreement of its annotators per group and option.")
    private Path project;

    @Option(names = "--group", paramLabel = "G", description = "With PROJECT.db: only this taxonomy group.")
    private String group;

    @Option(names = "--annotators", paramLabel = "a,b", split = ",",
            description = "With PROJECT.db: only these annotators.")
    private List<String> annotators;

    @Option(names = "--ratings", paramLabel = "FILE.csv", description = "CSV with header unit,rater,value; one row per rating.")
    private Path ratings;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "nominal",
            description = "nominal, ordinal, interval, ratio or set (default: ${DEFAULT-VALUE}).")
    private String level;

    @Option(names = "--distance", paramLabel = "NAME", defaultValue = "masi",
            description = "Set distance for level set: masi or jaccard (default: ${DEFAULT-VALUE}).")
    private String distance;

    @Option(names = "--categories", paramLabel = "a,b,c", split = ",",
            description = "All categories in order (options for sets); default: the values observed.")
    private List<String> categories;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples over units for the 95%% intervals; 0 to skip (default: ${DEFAULT-VALUE}).")
    private int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    private boolean json;

    @Option(names = "--with-judges", description = "With PROJECT.db: count each judge's parsed verdicts as one more"
            + " rater, named judge:NAME@VERSION.")
    private boolean withJudges;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (bootstrap < 0) {
            err.println("error: --bootstrap must be 0 or more, not " + bootstrap);
            return BAD_INPUT;
        }
        if (project != null) {
            try {
                ProjectAgreementRun run = ProjectAgreementRun.of(project, group, annotators,
                        ReportOptions.defaults().withBootstrap(bootstrap).withSeed(seed), withJudges);
                out.print(json ? run.json() + System.lineSeparator()
                        : ProjectAgreementText.render(run.report(), run.name()));
                out.flush();
                return OK;
            } catch (UserInputException e) {
                err.println("error: " + e.getMessage());
                return BAD_INPUT;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (ratings == null) {
            err.println("error: give a project or --ratings FILE.csv");
            return BAD_INPUT;
        }
        MeasurementLevel measurementLevel;
        SetDistance setDistance;
        try {
            measurementLevel = MeasurementLevel.parse(level);
            setDistance = SetDistance.parse(distance);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        RatingTable table;
        try {
            table = new RatingsCsvReader(ratings).read(new RatingTableInput(measurementLevel, categories));
        } catch (RatingsFileException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("error: " + ratings + ": " + e.getMessage());
            return BAD_INPUT;
        }
        ReportOptions options = ReportOptions.defaults().withBootstrap(bootstrap).withSeed(seed).withSetDistance(setDistance);
        AgreementReport report = AgreementReport.computeWithPairwise(table, options);
        out.print(json ? AgreementJson.render(report) + System.lineSeparator() : AgreementTable.render(ratings.toString(), report));
        out.flush();
        return OK;
    }
}
