package org.refusalworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.report.AgreementLongTable;
import org.refusalworkbench.report.ProjectAgreementHtml;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "agreement", description = "Inter-annotator agreement per group and option, pairwise kappa,"
        + " agreement with gold and before/after adjudication: the app's dashboard as JSON or HTML.")
final class AgreementReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db")
    private Path project;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private ReportOutput output;

    @Option(names = "--raw-cells", description = "With --csv: text cells as they are, without the apostrophe that"
            + " keeps spreadsheets from running them as formulas (for programs).")
    private boolean rawCells;

    @Option(names = "--with-judges", description = "Count each judge's parsed verdicts as one more rater, named"
            + " judge:NAME@VERSION (judges are left out unless asked for).")
    private boolean withJudges;

    @Override
    public Integer call() throws Exception {
        output.checkTarget();
        ProjectAgreementRun run = ProjectAgreementRun.of(project, null, null, ReportOptions.defaults(), withJudges);
        output.write(spec.commandLine().getOut(), run::json,
                () -> LongTableCsv.render(AgreementLongTable.of(run.report()), rawCells),
                () -> ProjectAgreementHtml.render(run.report(), run.name()));
        return 0;
    }
}
