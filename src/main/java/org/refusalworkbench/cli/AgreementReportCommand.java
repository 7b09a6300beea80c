package org.refusalworkbench.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

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
    private Output output;

    static final class Output {
        @Option(names = "--json", description = "Print the report as one JSON object.")
        boolean json;

        @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
        Path html;
    }

    @Override
    public Integer call() throws Exception {
        ProjectAgreementRun run = ProjectAgreementRun.of(project, null, null);
        if (output.json) {
            spec.commandLine().getOut().println(run.json());
        } else {
            Files.writeString(output.html, ProjectAgreementHtml.render(run.report(), run.name()),
                    StandardCharsets.UTF_8);
            spec.commandLine().getOut().println("wrote " + output.html);
        }
        return 0;
    }
}
