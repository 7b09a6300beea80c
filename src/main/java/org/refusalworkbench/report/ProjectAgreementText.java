package org.refusalworkbench.report;

import java.util.List;
import java.util.Locale;

/** The project agreement report as a plain-text table for the terminal. */
public final class ProjectAgreementText {

    private static final List<String> KEYS = List.of(ProjectAgreement.ALPHA, ProjectAgreement.KAPPA, ProjectAgreement.GWET,
            ProjectAgreement.PERCENT);

    private ProjectAgreementText() {
    }

    public static String render(ProjectAgreement report, String project) {
        StringBuilder text = new StringBuilder();
        text.append("Annotator agreement — ").append(project).append(" (annotators: ")
                .append(String.join(", ", report.annotators())).append(")\n");
        text.append(String.format(Locale.ROOT, "%-34s %-22s %-22s %-22s %-22s %6s%n", "group / option",
                "alpha", "kappa", "gwet_ac1/ac2", "agreement", "units"));
        for (ProjectAgreement.Row row : report.rows()) {
            text.append(String.format(Locale.ROOT, "%-34s", (row.isGroup() ? "" : "  ") + row.label()));
            for (String key : KEYS) {
                text.append(' ').append(String.format(Locale.ROOT, "%-22s", value(row.measured().coefficient(key))));
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
