package org.refusalworkbench.report;

import java.util.Locale;

/** The agreement dashboard as one self-contained HTML page: tables, an inline-SVG heatmap, no scripts. */
public final class ProjectAgreementHtml {

    private ProjectAgreementHtml() {
    }

    public static String render(ProjectAgreement report, String project) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=en><head><meta charset=utf-8><title>"
                + "Annotator agreement — " + Html.escape(project) + "</title>" + Html.STYLE
                + "<style>.warn{color:#8a5a00;font-size:.85em;text-align:left}.opt td:first-child{padding-left:1.6rem}"
                + "</style></head><body>");
        html.append("<h1>Annotator agreement — ").append(Html.escape(project)).append("</h1>");
        html.append("<p class=muted>Units are responses, raters are annotators: ")
                .append(Html.escape(String.join(", ", report.annotators())))
                .append(". Intervals are bootstrap 95% over responses (for a pair of annotators, over the responses"
                        + " both labelled). κ is Cohen's for two annotators, Fleiss' for more. Each option is also"
                        + " measured on its own as yes/no (chosen or ticked, or not).</p>");
        html.append("<h2>Per group and option</h2><table><tr><th>Group / option</th>");
        for (HeadlineMetric metric : HeadlineMetric.values()) {
            html.append("<th>").append(Html.escape(metric.displayName())).append("</th>");
        }
        html.append("<th>Units</th></tr>");
        for (ProjectAgreement.Row row : report.rows()) {
            html.append(row.isGroup() ? "<tr>" : "<tr class=opt>").append("<td>")
                    .append(row.isGroup() ? "<b>" + Html.escape(row.label()) + "</b>" : Html.escape(row.label()))
                    .append("</td>");
            for (HeadlineMetric metric : HeadlineMetric.values()) {
                html.append("<td>").append(value(row.measured().coefficient(metric))).append("</td>");
            }
            html.append("<td>").append(row.measured().units()).append("</td></tr>");
            if (row.isGroup() && !row.measured().warnings().isEmpty()) {
                html.append("<tr><td colspan=6 class=warn>⚠ ").append(Html.escape(String.join("; ",
                        row.measured().warnings()))).append("</td></tr>");
            }
        }
        html.append("</table>");
        report.pairwise().forEach((group, matrix) -> {
            html.append("<h2>Pairwise Cohen's κ — ").append(Html.escape(label(report, group))).append("</h2>");
            html.append(heatmap(matrix));
        });
        html.append("<h2>Before and after adjudication</h2><p class=muted>Before: α among annotators. After: α with"
                + " the gold label as one more rater on adjudicated responses. Disputed: responses where"
                + " annotators differ.</p><table><tr><th>Group</th><th>α before</th><th>α after</th>"
                + "<th>Disputed</th><th>Adjudicated</th><th>Resolved</th></tr>");
        for (ProjectAgreement.AdjudicationEffect effect : report.adjudication()) {
            html.append("<tr><td>").append(Html.escape(effect.label())).append("</td><td>")
                    .append(number(effect.alphaBefore())).append("</td><td>").append(number(effect.alphaAfter()))
                    .append("</td><td>").append(effect.disputed()).append("</td><td>")
                    .append(effect.disputedAdjudicated()).append("</td><td>")
                    .append(Html.percent(effect.shareResolved())).append("</td></tr>");
        }
        html.append("</table>");
        if (!report.goldAgreement().isEmpty()) {
            html.append("<h2>Each annotator against the gold labels</h2><table><tr><th>Annotator</th><th>Group /"
                    + " option</th><th>Cohen's κ</th><th>Agreement</th><th>Responses</th></tr>");
            for (ProjectAgreement.GoldAgreement gold : report.goldAgreement()) {
                html.append("<tr><td>").append(Html.escape(gold.annotator())).append("</td><td>")
                        .append(Html.escape(label(report, gold.group()) + (gold.option() == null ? ""
                                : ": " + gold.option()))).append("</td><td>").append(number(gold.kappa()))
                        .append("</td><td>").append(Html.percent(gold.percent())).append("</td><td>")
                        .append(gold.units()).append("</td></tr>");
            }
            html.append("</table>");
        }
        return html.append("</body></html>").toString();
    }

    private static String label(ProjectAgreement report, String group) {
        return report.taxonomy().group(group).map(g -> g.label()).orElse(group);
    }

    private static String value(AgreementMeasures.Coefficient coefficient) {
        if (coefficient.value() == null) {
            return "–";
        }
        String interval = coefficient.low() == null ? "" : String.format(Locale.ROOT,
                " <span class=muted>[%.2f, %.2f]</span>", coefficient.low(), coefficient.high());
        return number(coefficient.value()) + interval;
    }

    private static String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Pairwise kappa as coloured cells, each with its interval underneath and its details on hover. */
    private static String heatmap(AgreementMeasures.PairwiseKappa matrix) {
        int n = matrix.raters().size();
        int width = 96;
        int height = 56;
        int left = 150;
        int top = 24;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\">",
                left + n * width + 10, top + n * height + 10));
        for (int j = 0; j < n; j++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" text-anchor=\"middle\">%s</text>",
                    left + j * width + width / 2, Html.escape(matrix.raters().get(j))));
        }
        for (int i = 0; i < n; i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    left - 6, top + i * height + height / 2 + 4, Html.escape(matrix.raters().get(i))));
            for (int j = 0; j < n; j++) {
                AgreementMeasures.Coefficient kappa = matrix.kappa()[i][j];
                int x = left + j * width;
                int y = top + i * height;
                svg.append("<g>");
                if (i != j) {
                    svg.append("<title>").append(Html.escape(pairTitle(matrix, i, j))).append("</title>");
                }
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
                        + " fill=\"%s\" stroke=\"white\"/>", x, y, width, height,
                        i == j ? "#f5f7fa" : KappaColours.hex(kappa.value())));
                if (i != j) {
                    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\""
                            + " font-weight=\"bold\">%s</text>", x + width / 2, y + height / 2 - 2,
                            number(kappa.value())));
                    if (kappa.low() != null) {
                        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\""
                                + " style=\"font-size:10px\">[%.2f, %.2f]</text>", x + width / 2, y + height / 2 + 13,
                                kappa.low(), kappa.high()));
                    }
                }
                svg.append("</g>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String pairTitle(AgreementMeasures.PairwiseKappa matrix, int i, int j) {
        AgreementMeasures.Coefficient kappa = matrix.kappa()[i][j];
        return String.format(Locale.ROOT, "%s vs %s: κ %s, SE %s, 95%% CI %s over %d shared responses",
                matrix.raters().get(i), matrix.raters().get(j), number(kappa.value()), number(kappa.standardError()),
                kappa.low() == null ? "–" : String.format(Locale.ROOT, "[%.2f, %.2f]", kappa.low(), kappa.high()),
                matrix.sharedUnits()[i][j]);
    }
}
