package org.refusalworkbench.cli;

import java.util.concurrent.Callable;

import org.refusalworkbench.AppInfo;
import org.refusalworkbench.demo.DemoProject;
import org.refusalworkbench.project.DataFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = "Print the demo project's path (creating it if needed); --reset rebuilds it.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--reset", description = "Throw away labels made in the demo and rebuild it.")
    private boolean reset;

    @Override
    public Integer call() {
        DemoProject demo = new DemoProject(DataFolder.resolve(), AppInfo.version());
        spec.commandLine().getOut().println(reset ? demo.reset() : demo.ensure());
        return 0;
    }
}
