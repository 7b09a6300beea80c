package org.refusalworkbench;

import org.refusalworkbench.cli.Cli;
import org.refusalworkbench.project.DataFolder;
import org.refusalworkbench.storage.SqliteNativeLibrary;
import org.refusalworkbench.ui.WorkbenchApp;
import org.refusalworkbench.ui.start.StartOptions;

/**
 * Entry point. A plain class rather than a JavaFX Application so the shaded jar starts on a classpath: a command
 * (or an option such as --help) runs headless, anything else opens the desktop app.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        SqliteNativeLibrary.useUnpackedCopyIn(DataFolder.resolve().resolve("native"));
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args));
        }
        try {
            WorkbenchApp.start(args);
        } catch (StartOptions.UnknownOptionException e) {
            System.err.println("error: " + e.getMessage() + " (commands: --help)");
            System.exit(2);
        }
    }
}
