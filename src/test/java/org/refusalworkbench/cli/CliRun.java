package org.refusalworkbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in the test's JVM, with its output and errors caught as text. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Cli.commandLine(args, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
