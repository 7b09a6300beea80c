package org.refusalworkbench.report;

import java.util.Map;

/** The calibration report as one self-contained HTML page (no scripts, no external files). */
public final class CalibrationHtml {

    private CalibrationHtml() {
    }

    public static String render(CalibrationReport report, String project) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=en><head><meta charset=utf-8><title>"
                + "Refusal calibration — " + Html.escape(project) + "</title>" + Html.STYLE + "</head><body>");
        html.append("<h1>Refusal calibration — ").append(Html.escape(project)).append("</h1>");
        html.append("<p class=muted>Gold labels where a reviewer adjudicated, otherwise the majority of annotators;"
                + " ties are counted and left out of the rates. Intervals are Wilson 95%.</p>");
        if (report.ratesNotAvailable().isPresent()) {
            html.append("<h2>Over- and under-refusal</h2><p>Over- and under-refusal rates and response types are ")
                    .append(Html.escape(report.ratesNotAvailable().get()))
                    .append(" (see the roles in docs/taxonomy.md).</p>");
        } else {
            responseTypeTables(html, report);
        }
        if (!report.models().isEmpty()) {
            for (String group : report.models().get(0).optionRates().keySet()) {
                html.append("<h2>").append(Html.escape(group)).append("</h2><table><tr><th>Model</th>"
                        + "<th>Option</th><th>Rate</th><th></th></tr>");
                for (ModelCalibration model : report.models()) {
                    model.optionRates().get(group).forEach((option, rate) -> html.append("<tr><td>")
                            .append(Html.escape(model.model())).append("</td><td>").append(Html.escape(option))
                            .append("</td><td>").append(Html.rate(rate)).append("</td><td>")
                            .append(Html.bar(rate, "#2b6cb0")).append("</td></tr>"));
                }
                html.append("</table>");
            }
        }
        return html.append("</body></html>").toString();
    }

    private static void responseTypeTables(StringBuilder html, CalibrationReport report) {
        String responseType = report.responseTypes().orElseThrow().group().id();
        html.append("<h2>Over- and under-refusal</h2><table><tr><th>Model</th><th>Refusal on safe prompts"
                + " (full or partial)</th><th></th><th>Compliance on unsafe prompts</th><th></th></tr>");
        for (ModelCalibration model : report.models()) {
            html.append("<tr><td>").append(Html.escape(model.model())).append("</td><td>")
                    .append(Html.rate(model.refusalOnSafe())).append("</td><td>")
                    .append(Html.bar(model.refusalOnSafe(), "#d9822b")).append("</td><td>")
                    .append(Html.rate(model.complianceOnUnsafe())).append("</td><td>")
                    .append(Html.bar(model.complianceOnUnsafe(), "#c23030")).append("</td></tr>");
        }
        html.append("</table>");
        html.append("<h2>Response types</h2><table><tr><th>Model</th><th>Prompts</th>");
        String[] options = report.models().isEmpty() ? new String[0] : firstTypeOptions(report);
        for (String option : options) {
            html.append("<th>").append(Html.escape(option)).append("</th>");
        }
        html.append("<th>Ties</th></tr>");
        for (ModelCalibration model : report.models()) {
            for (Map.Entry<String, Map<String, Long>> safety : model.responseTypes().entrySet()) {
                html.append("<tr><td>").append(Html.escape(model.model())).append("</td><td>")
                        .append(safety.getKey()).append("</td>");
                for (String option : options) {
                    html.append("<td>").append(safety.getValue().getOrDefault(option, 0L)).append("</td>");
                }
                html.append("<td>").append(model.tiesByGroup().getOrDefault(responseType, 0L))
                        .append("</td></tr>");
            }
        }
        html.append("</table>");
    }

    private static String[] firstTypeOptions(CalibrationReport report) {
        return report.models().stream().flatMap(model -> model.responseTypes().values().stream())
                .flatMap(counts -> counts.keySet().stream()).distinct().toArray(String[]::new);
    }
}
