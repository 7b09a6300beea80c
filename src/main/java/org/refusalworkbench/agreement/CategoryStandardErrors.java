package org.refusalworkbench.agreement;

import java.util.Arrays;

/**
 * Standard errors of per-category kappas. Each is the generalised Fleiss kappa of its binary variable, so
 * its variance is Gwet's linearised Fleiss variance on the dichotomised table ({@link StandardErrors#linearisedTerm}),
 * with p_a,i = 1 − 2 x_ij (r_i − x_ij) / (r_i (r_i − 1)) and p_e,i = (x_ij / r_i) p_j + (1 − x_ij / r_i)(1 − p_j).
 * Every unit without the category has one of two terms (rated once or more often), so those units are
 * added in bulk and the cost stays linear in the ratings.
 */
final class CategoryStandardErrors {
    private final CategorySums sums;
    private final double[] prevalence;
    private final double[] chance;
    private final double[] kappa;

    private CategoryStandardErrors(CategorySums sums, int variables) {
        this.sums = sums;
        this.prevalence = new double[variables];
        this.chance = new double[variables];
        this.kappa = new double[variables];
        for (int j = 0; j < variables; j++) {
            prevalence[j] = sums.prevalence(j);
            chance[j] = sums.chance(j);
            kappa[j] = sums.kappa(j);
        }
    }

    /** One standard error per variable, NaN where the kappa is undefined or there are too few units. */
    static double[] compute(CategoryCounts counts, CategorySums sums) {
        int variables = sums.variables();
        double[] se = new double[variables];
        Arrays.fill(se, Double.NaN);
        double n = sums.units();
        double pairable = sums.pairableUnits();
        if (n < 2 || pairable == 0) {
            return se;
        }
        CategoryStandardErrors terms = new CategoryStandardErrors(sums, variables);
        double[] squares = new double[variables];
        long[] withCategoryPairable = new long[variables];
        long[] withCategorySingle = new long[variables];
        for (int u = 0; u < counts.units; u++) {
            int m = counts.size[u];
            for (int e = counts.start[u]; e < counts.start[u + 1]; e++) {
                int j = counts.variable[e];
                squares[j] += terms.squaredDeviation(j, counts.count[e], m);
                if (m >= 2) {
                    withCategoryPairable[j]++;
                } else {
                    withCategorySingle[j]++;
                }
            }
        }
        for (int j = 0; j < variables; j++) {
            if (Double.isNaN(terms.kappa[j])) {
                continue;
            }
            double withoutPairable = pairable - withCategoryPairable[j];
            double withoutSingle = n - pairable - withCategorySingle[j];
            double sum = squares[j] + withoutPairable * terms.squaredDeviation(j, 0, 2)
                    + withoutSingle * terms.squaredDeviation(j, 0, 1);
            se[j] = Math.sqrt(sum / (n * (n - 1)));
        }
        return se;
    }

    /** (x_i − κ_j)² for a unit with m ratings, x of them in category j. */
    private double squaredDeviation(int j, int x, int m) {
        boolean pairable = m >= 2;
        double unitAgreement = pairable ? 1 - 2.0 * x * (m - x) / ((double) m * (m - 1)) : 0;
        double inCategory = (double) x / m;
        double unitChance = inCategory * prevalence[j] + (1 - inCategory) * (1 - prevalence[j]);
        double term = StandardErrors.linearisedTerm(sums.units(), sums.pairableUnits(), unitAgreement, pairable,
                unitChance, chance[j], kappa[j]);
        return (term - kappa[j]) * (term - kappa[j]);
    }
}
