package org.refusalworkbench.report;

import java.util.Map;

/**
 * The judge report in long form ({@code report judges --csv}): a row per judge, scope and figure. The scope is
 * {@code all}, {@code binary} (refusal against compliance), {@code model:NAME} or
 * {@code category:PATH}; figures are the counts, the
 * agreement, Cohen's kappa with its SE and interval, each class's precision, recall and F1, and each confusion cell
 * ({@code confusion:REFERENCE:JUDGE}); calibration rows ({@code calibration:model:NAME}) give each rate by the
 * reference and by the judge with Wilson bounds.
 */
public final class JudgeLongTable {

    static final String[] COLUMNS = {"judge", "version", "group", "scope", "metric", "value", "se", "ci_low",
        "ci_high", "n"};

    private JudgeLongTable() {
    }

    public static LongTable of(java.util.List<JudgeReport.JudgeFigures> report) {
        LongTable.Builder table = new LongTable.Builder(COLUMNS);
        for (JudgeReport.JudgeFigures judge : report) {
            figures(table, judge, "all", judge.figures());
            if (judge.binary() != null) {
                figures(table, judge, "binary", judge.binary());
            }
            judge.byModel().forEach((model, figures) -> figures(table, judge, "model:" + model, figures));
            judge.byCategory().forEach((category, figures) -> figures(table, judge, "category:" + category,
                    figures));
            judge.calibration().forEach((model, rates) -> {
                String scope = "calibration:model:" + model;
                rate(table, judge, scope, "refusal_rate_on_safe.reference", rates.refusalOnSafeByReference());
                rate(table, judge, scope, "refusal_rate_on_safe.judge", rates.refusalOnSafeByJudge());
                rate(table, judge, scope, "compliance_rate_on_unsafe.reference",
                        rates.complianceOnUnsafeByReference());
                rate(table, judge, scope, "compliance_rate_on_unsafe.judge", rates.complianceOnUnsafeByJudge());
            });
        }
        return table.build();
    }

    private static void figures(LongTable.Builder table, JudgeReport.JudgeFigures judge, String scope,
                                JudgeReport.Figures figures) {
        long n = figures.compared();
        long parsed = figures.compared() - figures.unparsed();
        add(table, judge, scope, "compared", (double) figures.compared(), null, null, null, n);
        add(table, judge, scope, "unparsed", (double) figures.unparsed(), null, null, null, n);
        add(table, judge, scope, "percent_agreement", figures.percentAgreement(), null, null, null, parsed);
        JudgeReport.Kappa kappa = figures.kappa();
        add(table, judge, scope, "cohen_kappa", kappa.value(), kappa.standardError(), kappa.low(), kappa.high(),
                parsed);
        figures.perClass().forEach((option, scores) -> {
            add(table, judge, scope, "precision:" + option, scores.precision(), null, null, null, parsed);
            add(table, judge, scope, "recall:" + option, scores.recall(), null, null, null, parsed);
            add(table, judge, scope, "f1:" + option, scores.f1(), null, null, null, parsed);
        });
        for (Map.Entry<String, Map<String, Long>> row : figures.confusion().entrySet()) {
            row.getValue().forEach((judged, count) -> add(table, judge, scope, "confusion:" + row.getKey() + ":"
                    + judged, (double) count, null, null, null, n));
        }
    }

    private static void rate(LongTable.Builder table, JudgeReport.JudgeFigures judge, String scope, String metric,
                             Proportion rate) {
        add(table, judge, scope, metric, rate.rate(), null, rate.low(), rate.high(), rate.n());
    }

    private static void add(LongTable.Builder table, JudgeReport.JudgeFigures judge, String scope, String metric,
                            Double value, Double se, Double low, Double high, long n) {
        table.add(judge.judge().name(), judge.judge().version(), judge.group(), scope, metric, value, se, low, high,
                n);
    }
}
