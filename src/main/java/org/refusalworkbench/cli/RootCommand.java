package org.refusalworkbench.cli;

import org.refusalworkbench.AppInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "refusal-workbench", mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        description = "Label, review and measure how AI models refuse. With no command the desktop app opens"
                + " (on the demo project, or on PROJECT.db when given).",
        synopsisSubcommandLabel = "COMMAND")
final class RootCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.NAME + " " + AppInfo.version()};
        }
    }
}
