package org.refusalworkbench.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * Agreement on one category (or, for checkbox groups, one option) treated as its own binary variable
 * "in this category or not": κ_j = 1 − D_j / (2 p_j (1 − p_j)), where D_j is the mean over units with two
 * or more ratings of 2 x_ij (r_i − x_ij) / (r_i (r_i − 1)). With equal r_i this is Fleiss' (1971)
 * category-specific kappa; in general it is the generalised Fleiss kappa of the binary variable.
 *
 * @param label      category label, or option name for set-valued data
 * @param prevalence share of ratings in the category (mean over units of x_ij / r_i)
 * @param agreement  pairwise agreement on the binary variable over units with two or more ratings
 * @param kappa      Fleiss' kappa of the binary variable; null when undefined (category always or never used)
 */
public record CategoryAgreement(String label, double prevalence, Double agreement, Double kappa) {

    /** One entry per category for single-valued data, one per option for sets. */
    static List<CategoryAgreement> of(RatingTable table) {
        boolean sets = table.level() == MeasurementLevel.SET;
        List<String> labels = sets ? table.options() : table.categories();
        int variables = labels.size();
        double[] disagreement = new double[variables];
        double[] share = new double[variables];
        int[] inUnit = new int[variables];
        int[] touched = new int[variables];
        double units = table.unitCount();
        double pairable = 0;
        for (int u = 0; u < table.unitCount(); u++) {
            int m = table.ratingsOfUnit(u);
            int touchedCount = 0;
            for (int j = table.unitStart[u]; j < table.unitStart[u + 1]; j++) {
                int category = table.categoryOf[j];
                if (sets) {
                    for (int option : table.optionsOfCategoryUnsafe(category)) {
                        touchedCount = count(option, inUnit, touched, touchedCount);
                    }
                } else {
                    touchedCount = count(category, inUnit, touched, touchedCount);
                }
            }
            if (m >= 2) {
                pairable++;
            }
            for (int t = 0; t < touchedCount; t++) {
                int v = touched[t];
                int x = inUnit[v];
                share[v] += (double) x / m;
                if (m >= 2) {
                    disagreement[v] += 2.0 * x * (m - x) / ((double) m * (m - 1));
                }
                inUnit[v] = 0;
            }
        }
        List<CategoryAgreement> result = new ArrayList<>(variables);
        for (int v = 0; v < variables; v++) {
            double p = share[v] / units;
            Double agreement = pairable > 0 ? 1 - disagreement[v] / pairable : null;
            double pe = p * p + (1 - p) * (1 - p);
            double kappa = agreement == null ? Double.NaN : Coefficients.chanceCorrected(agreement, pe);
            result.add(new CategoryAgreement(labels.get(v), p, agreement, Double.isNaN(kappa) ? null : kappa));
        }
        return List.copyOf(result);
    }

    private static int count(int variable, int[] inUnit, int[] touched, int touchedCount) {
        if (inUnit[variable]++ == 0) {
            touched[touchedCount++] = variable;
        }
        return touchedCount;
    }
}
