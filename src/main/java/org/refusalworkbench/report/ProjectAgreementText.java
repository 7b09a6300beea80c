package org.refusalworkbench.report;

import java.util.Locale;

/** The project agreement report as a plain-text table for the terminal. */
public final class ProjectAgreementText {

    private ProjectAgreementText() {
    }

    public static String render(ProjectAgreement report, String project) {
        StringBuilder text = new StringBuilder();
        text.append("Annotator agreement — ").append(project).append(" (annotators: ")
                .append(String.join(", ", report.annotators())).append(")\n");
        text.append(String.format(Locale.ROOT, "%-34s", "group / option"));
        for (HeadlineMetric metric : HeadlineMetric.values()) {
            text.append(' ').append(String.format(Locale.ROOT, "%-22s", metric.columnName()));
        }
        text.append(String.format(Locale.ROOT, " %6s%n", "units"));
        for (ProjectAgreement.Row row : report.rows()) {
            text.append(String.format(Locale.ROOT, "%-34s", (row.isGroup() ? "" : "  ") + row.label()));
            for (HeadlineMetric metric : HeadlineMetric.values()) {
                text.append(' ').append(String.format(Locale.ROOT, "%-22s", value(row.measured().coefficient(metric))));
            }
            text.append(String.format(Locale.ROOT, " %6d%n", row.measured().units()));
            if (row.isGroup()) {
                row.measured().warnings().forEach(warning -> text.append("  warning: ").append(warning).append('\n'));
            }
        }
        for (ProjectAgreement.AdjudicationEffect effect : report.adjudication()) {
            text.append(String.format(Locale.ROOT, "%s: alpha %s before adjudication, %s after; %d of %d disputed"
                    + " responses adjudicated%n", effect.label(), number(effect.alphaBefore()),
                    number(effect.alphaAfter()), effect.disputedAdjudicated(), effect.disputed()));
        }
        return text.toString();
    }

    private static String value(AgreementMeasures.Coefficient coefficient) {
        if (coefficient.value() == null) {
            return "–";
        }
        return coefficient.low() == null ? number(coefficient.value()) : String.format(Locale.ROOT,
                "%.3f [%.3f, %.3f]", coefficient.value(), coefficient.low(), coefficient.high());
    }

    private static String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }
}
