package org.refusalworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.refusalworkbench.fileio.WholeFile;
import picocli.CommandLine.Option;

/**
 * Where a report goes, for every {@code report} command: JSON, a long-form CSV table, or paper tables in Markdown
 * or LaTeX on standard output, or one HTML file. A command without one of these forms says so and exits 2.
 */
final class ReportOutput {

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Option(names = "--csv", description = "Print the report as one long-form CSV table: a row per figure, with its"
            + " interval and n (docs/review.md).")
    boolean csv;

    @Option(names = "--markdown", description = "Print the report's tables in Markdown, each with a caption that"
            + " gives n, the interval method, the label source and the precision.")
    boolean markdown;

    @Option(names = "--latex", description = "Print the report's tables in LaTeX (booktabs, no other package), each"
            + " with the same caption.")
    boolean latex;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path html;

    /** A report rendered as text. */
    @FunctionalInterface
    interface Rendering {
        String text() throws Exception;
    }

    /** The forms one report has; null where it has none. */
    record Renderings(Rendering json, Rendering csv, Rendering markdown, Rendering latex, Rendering html) {
    }

    /** Before the report is computed: a file that cannot be written fails at once. */
    void checkTarget() throws UserInputException {
        if (html != null) {
            OutputFile.requireWritable(html);
        }
    }

    /** A form this report does not have fails, before anything is written. */
    private void checkForm(Renderings forms) throws UserInputException {
        String missing = markdown && forms.markdown() == null ? "--markdown"
                : latex && forms.latex() == null ? "--latex"
                : html != null && forms.html() == null ? "--html" : null;
        if (missing != null) {
            throw new UserInputException("this report has no " + missing + " form; use "
                    + String.join(" or ", available(forms)));
        }
    }

    private static java.util.List<String> available(Renderings forms) {
        java.util.List<String> names = new java.util.ArrayList<>();
        if (forms.json() != null) {
            names.add("--json");
        }
        if (forms.csv() != null) {
            names.add("--csv");
        }
        if (forms.markdown() != null) {
            names.add("--markdown");
        }
        if (forms.latex() != null) {
            names.add("--latex");
        }
        if (forms.html() != null) {
            names.add("--html FILE");
        }
        return names;
    }

    /** Renders only the form asked for. */
    void write(PrintWriter out, Rendering jsonText, Rendering csvText, Rendering htmlText) throws Exception {
        write(out, new Renderings(jsonText, csvText, null, null, htmlText));
    }

    /** Renders only the form asked for. */
    void write(PrintWriter out, Renderings forms) throws Exception {
        checkForm(forms);
        if (json) {
            out.println(forms.json().text());
        } else if (csv) {
            out.print(forms.csv().text());
        } else if (markdown) {
            out.print(forms.markdown().text());
        } else if (latex) {
            out.print(forms.latex().text());
        } else {
            byte[] page = forms.html().text().getBytes(StandardCharsets.UTF_8);
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
