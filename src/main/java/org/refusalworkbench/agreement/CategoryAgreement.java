package org.refusalworkbench.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * Agreement on one category (or, for checkbox groups, one option) treated as its own binary variable
 * "in this category or not": κ_j = 1 − D_j / (2 p_j (1 − p_j)), where D_j is the mean over units with two
 * or more ratings of 2 x_ij (r_i − x_ij) / (r_i (r_i − 1)). With equal r_i this is Fleiss' (1971)
 * category-specific kappa; in general it is the generalised Fleiss kappa of the binary variable.
 *
 * @param label         category label, or option name for set-valued data
 * @param prevalence    share of ratings in the category (mean over units of x_ij / r_i)
 * @param agreement     pairwise agreement on the binary variable over units with two or more ratings
 * @param kappa         Fleiss' kappa of the binary variable; null when undefined (category always or never used)
 * @param standardError Gwet's linearised standard error of that kappa; null when the kappa is undefined
 * @param ci95          bootstrap percentile interval from the report's resamples; null without bootstrap or
 *                      when no resample defines the kappa
 */
public record CategoryAgreement(String label, double prevalence, Double agreement, Double kappa, Double standardError,
                                ConfidenceInterval ci95) {

    /**
     * One entry per category for single-valued data, one per option for sets.
     *
     * @param sums      the sums over every unit once
     * @param resamples kappa of variable j in resample b at {@code resamples[b][offset + j]}, or null without bootstrap
     */
    static List<CategoryAgreement> of(CategorySums sums, double[][] resamples, int offset) {
        CategoryCounts counts = sums.counts;
        double[] errors = CategoryStandardErrors.compute(counts, sums);
        List<CategoryAgreement> result = new ArrayList<>(counts.variables());
        for (int j = 0; j < counts.variables(); j++) {
            result.add(new CategoryAgreement(counts.labels.get(j), sums.prevalence(j), orNull(sums.agreement(j)),
                    orNull(sums.kappa(j)), orNull(errors[j]),
                    resamples == null ? null : Bootstrap.percentileInterval(resamples, offset + j)));
        }
        return List.copyOf(result);
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
