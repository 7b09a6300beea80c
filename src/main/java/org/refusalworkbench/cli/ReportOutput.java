package org.refusalworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.refusalworkbench.fileio.WholeFile;
import picocli.CommandLine.Option;

/**
 * Where a report goes, for every {@code report} command: JSON or a long-form CSV table on standard output, or one
 * HTML file.
 */
final class ReportOutput {

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Option(names = "--csv", description = "Print the report as one long-form CSV table: a row per figure, with its"
            + " interval and n (docs/review.md).")
    boolean csv;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path html;

    /** A report rendered as text. */
    @FunctionalInterface
    interface Rendering {
        String text() throws Exception;
    }

    /** Before the report is computed: a file that cannot be written fails at once. */
    void checkTarget() throws UserInputException {
        if (html != null) {
            OutputFile.requireWritable(html);
        }
    }

    /** Renders only the form asked for. */
    void write(PrintWriter out, Rendering jsonText, Rendering csvText, Rendering htmlText) throws Exception {
        if (json) {
            out.println(jsonText.text());
        } else if (csv) {
            out.print(csvText.text());
        } else {
            byte[] page = htmlText.text().getBytes(StandardCharsets.UTF_8);
            try {
                WholeFile.write(html, file -> {
                    file.write(page);
                    return null;
                });
            } catch (IOException e) {
                throw CannotWriteException.writingWhole(html, e);
            }
            out.println("wrote " + html);
        }
    }
}
