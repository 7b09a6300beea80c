package org.refusalworkbench.report;

import java.util.List;
import java.util.Map;

/**
 * The project agreement report in long form ({@code report agreement --csv}): a row per group or option and
 * coefficient, per rater pair, per annotator against gold and per adjudication figure. The {@code section} column
 * says which; {@code annotator} and {@code other} name the raters of a pairwise or gold row.
 */
public final class AgreementLongTable {

    static final String[] COLUMNS = {"section", "group", "option", "annotator", "other", "metric", "value", "se",
        "ci_low", "ci_high", "n"};

    private AgreementLongTable() {
    }

    public static LongTable of(ProjectAgreement report) {
        LongTable.Builder table = new LongTable.Builder(COLUMNS);
        for (ProjectAgreement.Row row : report.rows()) {
            for (AgreementMeasures.Coefficient coefficient : row.measured().coefficients()) {
                table.add("agreement", row.group(), row.option(), null, null, coefficient.key(), coefficient.value(),
                        coefficient.standardError(), coefficient.low(), coefficient.high(),
                        (long) row.measured().units());
            }
        }
        for (Map.Entry<String, AgreementMeasures.PairwiseKappa> entry : report.pairwise().entrySet()) {
            AgreementMeasures.PairwiseKappa matrix = entry.getValue();
            List<String> raters = matrix.raters();
            for (int i = 0; i < raters.size(); i++) {
                for (int j = i + 1; j < raters.size(); j++) {
                    AgreementMeasures.Coefficient kappa = matrix.kappa()[i][j];
                    table.add("pairwise", entry.getKey(), null, raters.get(i), raters.get(j), kappa.key(),
                            kappa.value(), kappa.standardError(), kappa.low(), kappa.high(),
                            matrix.sharedUnits()[i][j]);
                }
            }
        }
        for (ProjectAgreement.GoldAgreement gold : report.goldAgreement()) {
            table.add("annotator_vs_gold", gold.group(), gold.option(), gold.annotator(), "gold", "cohen_kappa",
                    gold.kappa(), null, null, null, (long) gold.units());
            table.add("annotator_vs_gold", gold.group(), gold.option(), gold.annotator(), "gold",
                    HeadlineMetric.PERCENT.keyFor(AgreementMeasures.Level.NOMINAL), gold.percent(), null, null, null,
                    (long) gold.units());
        }
        for (ProjectAgreement.AdjudicationEffect effect : report.adjudication()) {
            long disputed = effect.disputed();
            table.add("adjudication", effect.group(), null, null, null, "krippendorff_alpha_before",
                    effect.alphaBefore(), null, null, null, null);
            table.add("adjudication", effect.group(), null, null, null, "krippendorff_alpha_after",
                    effect.alphaAfter(), null, null, null, null);
            table.add("adjudication", effect.group(), null, null, null, "share_resolved", effect.shareResolved(),
                    null, null, null, disputed);
        }
        return table.build();
    }
}
