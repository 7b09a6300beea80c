package org.refusalworkbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.refusalworkbench.agreement.AgreementReport;
import org.refusalworkbench.agreement.CategoryAgreement;
import org.refusalworkbench.agreement.ConfidenceInterval;
import org.refusalworkbench.agreement.MetricResult;
import org.refusalworkbench.agreement.PairwiseKappa;
import org.refusalworkbench.agreement.RatingTable;

/**
 * The human-readable output of {@code agreement}: a summary line, the metrics table, per-category kappas, the
 * pairwise Cohen's kappas (each with standard error and interval), warnings.
 */
final class AgreementTable {
    private AgreementTable() {
    }

    static String render(String source, AgreementReport report) {
        RatingTable table = report.table();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %d units, %d raters, %d ratings, level %s, %d %s (%s), weights %s%n",
                source, table.unitCount(), table.raterCount(), table.ratingCount(), table.level().label(),
                table.categoryCount(), table.level().label().equals("set") ? "distinct sets" : "categories",
                table.categoriesExplicit() ? "listed" : "observed", report.weights().name()));
        out.append(String.format(Locale.ROOT, "%n%-20s %9s %9s   %s%n", "metric", "value", "SE", "95% CI (bootstrap)"));
        for (MetricResult result : report.metrics()) {
            out.append(String.format(Locale.ROOT, "%-20s %9s %9s   %s%n", result.key(), number(result.value()),
                    number(result.standardError()), interval(result.ci95())));
        }
        out.append(String.format(Locale.ROOT, "%n%-20s %10s %9s %9s %9s   %s%n",
                table.options().isEmpty() ? "category" : "option", "prevalence", "agreement", "kappa", "SE",
                "95% CI (bootstrap)"));
        for (CategoryAgreement category : report.perCategory()) {
            out.append(String.format(Locale.ROOT, "%-20s %10.4f %9s %9s %9s   %s%n", category.label(),
                    category.prevalence(), number(category.agreement()), number(category.kappa()),
                    number(category.standardError()), interval(category.ci95())));
        }
        PairwiseKappa pairwise = report.pairwiseCohenKappa();
        out.append(String.format(Locale.ROOT, "%n%-31s %10s %9s %9s   %s%n", "rater pair (cohen_kappa)", "shared",
                "kappa", "SE", "95% CI (bootstrap)"));
        for (int i = 0; i < pairwise.raters().size(); i++) {
            for (int j = i + 1; j < pairwise.raters().size(); j++) {
                out.append(String.format(Locale.ROOT, "%-31s %10d %9s %9s   %s%n",
                        pairwise.raters().get(i) + " / " + pairwise.raters().get(j), pairwise.sharedUnits(i, j),
                        number(pairwise.kappa(i, j)), number(pairwise.standardError(i, j)),
                        interval(pairwise.ci95(i, j))));
            }
        }
        List<String> warnings = new ArrayList<>(report.warnings());
        warnings.addAll(report.categoryWarnings());
        warnings.addAll(pairwise.warnings());
        if (!warnings.isEmpty()) {
            out.append(String.format("%nwarnings:%n"));
            warnings.forEach(w -> out.append("  - ").append(w).append(System.lineSeparator()));
        }
        return out.toString();
    }

    private static String interval(ConfidenceInterval ci95) {
        return ci95 == null ? "-" : String.format(Locale.ROOT, "[%.4f, %.4f]", ci95.lower(), ci95.upper());
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
