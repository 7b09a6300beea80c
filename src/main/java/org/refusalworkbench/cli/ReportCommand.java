package org.refusalworkbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "report", description = "Reports on a project: refusal calibration per model, annotator agreement, final labels.",
        subcommands = {CalibrationReportCommand.class, AgreementReportCommand.class, FinalLabelsCommand.class,
            JudgesReportCommand.class, CompareReportCommand.class})
final class ReportCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
