package org.refusalworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli formats descriptions with {@code String.format}: a bare {@code %} (as in "95% intervals") is not an error
 * but a warning printed straight to the process's standard error, around a description cut short.
 */
class HelpWithoutWarningsTest {

    @Test
    void theHelpOfEveryCommandAndSubcommandPrintsNoPicocliWarning() {
        PrintStream standardError = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> helped = new ArrayList<>();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            help();
            CommandLine all = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            for (String name : Cli.commandNames()) {
                helped.add(name);
                help(name, "--help");
                for (String sub : all.getSubcommands().get(name).getSubcommands().keySet()) {
                    helped.add(name + " " + sub);
                    help(name, sub, "--help");
                }
            }
        } finally {
            System.setErr(standardError);
        }

        assertThat(helped).contains("agreement", "report agreement", "report calibration");
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("[picocli WARN]");
    }

    private static void help(String... args) {
        StringWriter out = new StringWriter();
        int exitCode = Cli.commandLine(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute(args);
        assertThat(exitCode).as(String.join(" ", args)).isZero();
        assertThat(out.toString()).as(String.join(" ", args)).contains("Usage:");
    }
}
