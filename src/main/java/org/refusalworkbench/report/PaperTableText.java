package org.refusalworkbench.report;

import java.util.List;
import java.util.Locale;

/**
 * Paper tables as text: GitHub-flavoured Markdown, and LaTeX that needs no package beyond {@code booktabs}.
 * Numbers keep the precision they were formatted with; the caption says which.
 */
public final class PaperTableText {

    private PaperTableText() {
    }

    /** Every table as Markdown, each under its caption in bold, separated by blank lines. */
    public static String markdown(List<PaperTable> tables) {
        StringBuilder out = new StringBuilder();
        for (PaperTable table : tables) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("**").append(markdownCell(table.caption())).append("**\n\n|");
            table.columns().forEach(column -> out.append(' ').append(markdownCell(column.header())).append(" |"));
            out.append("\n|");
            table.columns().forEach(column -> out.append(column.numeric() ? " ---: |" : " :--- |"));
            out.append('\n');
            for (List<String> row : table.rows()) {
                out.append('|');
                row.forEach(cell -> out.append(' ').append(markdownCell(cell)).append(" |"));
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Every table as a LaTeX {@code table} float with a {@code booktabs} tabular. */
    public static String latex(List<PaperTable> tables) {
        StringBuilder out = new StringBuilder("% needs \\usepackage{booktabs}\n");
        for (PaperTable table : tables) {
            out.append("\\begin{table}[ht]\n\\centering\n\\caption{").append(latexText(table.caption()))
                    .append("}\n\\begin{tabular}{");
            table.columns().forEach(column -> out.append(column.numeric() ? 'r' : 'l'));
            out.append("}\n\\toprule\n");
            out.append(String.join(" & ", table.columns().stream().map(column -> latexText(column.header()))
                    .toList())).append(" \\\\\n\\midrule\n");
            for (List<String> row : table.rows()) {
                out.append(String.join(" & ", row.stream().map(PaperTableText::latexText).toList()))
                        .append(" \\\\\n");
            }
            out.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n");
        }
        return out.toString();
    }

    private static String markdownCell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    /**
     * Text with LaTeX's special characters escaped and the mathematical signs these tables use written as commands,
     * so the table compiles under pdfLaTeX with no package but booktabs.
     */
    static String latexText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '<' -> out.append("\\textless{}");
                case '>' -> out.append("\\textgreater{}");
                case '×' -> out.append("$\\times$");
                case '–' -> out.append("--");
                case '—' -> out.append("---");
                case '−' -> out.append("$-$");
                case '≤' -> out.append("$\\leq$");
                case '≥' -> out.append("$\\geq$");
                case 'Δ' -> out.append("$\\Delta$");
                case '±' -> out.append("$\\pm$");
                case '\n' -> out.append(' ');
                default -> out.append(c);   // other letters as they are: LaTeX reads UTF-8 by default since 2018
            }
        }
        return out.toString();
    }

    /** A rate as a percentage to one decimal, "–" where it is not defined. */
    public static String percent(Double rate) {
        return rate == null ? "–" : String.format(Locale.ROOT, "%.1f", 100 * rate);
    }

    /** A rate and its interval as "12.3 [9.8, 15.1]" in percent. */
    public static String percentWithInterval(Double rate, Double low, Double high) {
        if (rate == null) {
            return "–";
        }
        return percent(rate) + " [" + percent(low) + ", " + percent(high) + "]";
    }

    /** A p-value to three decimals, or "< 0.001" below that. */
    public static String pValue(Double p) {
        if (p == null) {
            return "–";
        }
        if (p < 0.001) {
            return "< 0.001";
        }
        return String.format(Locale.ROOT, "%.3f", p);
    }
}
