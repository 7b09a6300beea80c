package org.refusalworkbench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The judge report as one self-contained HTML page (no scripts, no external files): the judges' table, then per
 * judge its confusion matrix, per-class figures, the calibration rates it misstates beside the reference's, and its
 * agreement per model and per prompt category.
 */
public final class JudgeHtml {

    private JudgeHtml() {
    }

    public static String render(List<JudgeReport.JudgeFigures> report, String project, JudgeReport.Reference against) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=en><head><meta charset=utf-8><title>"
                + "Judges — " + Html.escape(project) + "</title>" + Html.STYLE
                + "<style>td.agreed{font-weight:600;color:#1f6f3f}</style></head><body>");
        html.append("<h1>Judges — ").append(Html.escape(project)).append("</h1>");
        html.append("<p class=muted>Compared with ").append(Html.escape(against.describe())).append(". κ is Cohen's"
                + " kappa with its standard error and, where computed, its bootstrap 95% interval; rates have Wilson"
                + " 95% intervals. Unparsed outputs are counted and left out of agreement and κ.</p>");
        if (report.isEmpty()) {
            return html.append("<p>No judge labels in this project.</p></body></html>").toString();
        }
        html.append("<table><tr><th>Judge</th><th>Version</th><th>Group</th><th>Compared</th><th>Unparsed</th>"
                + "<th>Agreement</th><th>κ</th><th>Refusal vs compliance κ</th></tr>");
        for (JudgeReport.JudgeFigures judge : report) {
            html.append("<tr><td>").append(Html.escape(judge.judge().name())).append("</td><td>")
                    .append(Html.escape(judge.judge().version())).append("</td><td>").append(Html.escape(judge.group()))
                    .append("</td><td>").append(judge.figures().compared()).append("</td><td>")
                    .append(judge.figures().unparsed()).append("</td><td>")
                    .append(Html.percent(judge.figures().percentAgreement())).append("</td><td>")
                    .append(kappa(judge.figures().kappa())).append("</td><td>")
                    .append(judge.binary() == null ? "–" : kappa(judge.binary().kappa())).append("</td></tr>");
        }
        html.append("</table>");
        for (JudgeReport.JudgeFigures judge : report) {
            html.append("<h2>").append(Html.escape(judge.judge().label())).append("</h2>");
            confusion(html, judge.figures());
            perClass(html, judge.figures());
            if (!judge.calibration().isEmpty()) {
                calibration(html, judge);
            }
            scopes(html, "Per model", judge.byModel());
            scopes(html, "Per prompt category", judge.byCategory());
        }
        return html.append("</body></html>").toString();
    }

    private static void confusion(StringBuilder html, JudgeReport.Figures figures) {
        html.append("<table><caption class=muted>Reference down, judge across</caption><tr><th></th>");
        Map<String, Map<String, Long>> matrix = figures.confusion();
        matrix.values().iterator().next().keySet().forEach(judged -> html.append("<th>").append(Html.escape(judged))
                .append("</th>"));
        html.append("</tr>");
        matrix.forEach((reference, row) -> {
            html.append("<tr><th>").append(Html.escape(reference)).append("</th>");
            row.forEach((judged, count) -> html.append(judged.equals(reference) ? "<td class=agreed>" : "<td>")
                    .append(count).append("</td>"));
            html.append("</tr>");
        });
        html.append("</table>");
    }

    private static void perClass(StringBuilder html, JudgeReport.Figures figures) {
        html.append("<table><tr><th>Class</th><th>Precision</th><th>Recall</th><th>F1</th></tr>");
        figures.perClass().forEach((option, scores) -> html.append("<tr><td>").append(Html.escape(option))
                .append("</td><td>").append(Html.percent(scores.precision())).append("</td><td>")
                .append(Html.percent(scores.recall())).append("</td><td>").append(Html.percent(scores.f1()))
                .append("</td></tr>"));
        html.append("</table>");
    }

    private static void calibration(StringBuilder html, JudgeReport.JudgeFigures judge) {
        html.append("<table><caption class=muted>How much the judge misstates each model's calibration</caption>"
                + "<tr><th>Model</th><th>Refusal on safe: reference</th><th>judge</th><th>difference</th>"
                + "<th>Compliance on unsafe: reference</th><th>judge</th><th>difference</th></tr>");
        judge.calibration().forEach((model, rates) -> html.append("<tr><td>").append(Html.escape(model))
                .append("</td><td>").append(Html.rate(rates.refusalOnSafeByReference())).append("</td><td>")
                .append(Html.rate(rates.refusalOnSafeByJudge())).append("</td><td>")
                .append(difference(rates.refusalOnSafeByReference(), rates.refusalOnSafeByJudge())).append("</td><td>")
                .append(Html.rate(rates.complianceOnUnsafeByReference())).append("</td><td>")
                .append(Html.rate(rates.complianceOnUnsafeByJudge())).append("</td><td>")
                .append(difference(rates.complianceOnUnsafeByReference(), rates.complianceOnUnsafeByJudge()))
                .append("</td></tr>"));
        html.append("</table>");
    }

    private static void scopes(StringBuilder html, String title, Map<String, JudgeReport.Figures> scopes) {
        if (scopes.isEmpty()) {
            return;
        }
        html.append("<table><caption class=muted>").append(title).append("</caption><tr><th></th><th>Compared</th>"
                + "<th>Unparsed</th><th>Agreement</th><th>κ</th></tr>");
        scopes.forEach((scope, figures) -> html.append("<tr><td>").append(Html.escape(scope)).append("</td><td>")
                .append(figures.compared()).append("</td><td>").append(figures.unparsed()).append("</td><td>")
                .append(Html.percent(figures.percentAgreement())).append("</td><td>").append(kappa(figures.kappa()))
                .append("</td></tr>"));
        html.append("</table>");
    }

    private static String difference(Proportion reference, Proportion judge) {
        return reference.rate() == null || judge.rate() == null ? "–"
                : String.format(Locale.ROOT, "%+.1f pt", (judge.rate() - reference.rate()) * 100);
    }

    private static String kappa(JudgeReport.Kappa kappa) {
        if (kappa.value() == null) {
            return "–";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%.3f", kappa.value()));
        if (kappa.standardError() != null) {
            text.append(String.format(Locale.ROOT, " <span class=muted>SE %.3f</span>", kappa.standardError()));
        }
        if (kappa.low() != null) {
            text.append(String.format(Locale.ROOT, " <span class=muted>[%.3f, %.3f]</span>", kappa.low(),
                    kappa.high()));
        }
        return text.toString();
    }
}
