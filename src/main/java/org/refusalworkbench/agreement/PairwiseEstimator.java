package org.refusalworkbench.agreement;

import java.util.Arrays;

/**
 * The contingency tables of every rater pair in one weighted pass over the units, visiting each pair of
 * ratings a unit has: cost Σ_i r_i (r_i − 1) / 2, linear in the ratings for a bounded number of raters
 * per unit. Pairs are numbered (0,1), (0,2), …, (1,2), …; the table's rows are the lower-numbered rater.
 */
final class PairwiseEstimator implements WeightedEstimator {
    private final RatingTable table;
    private final double[][] weights;
    private final int raters;
    private final int cells;

    PairwiseEstimator(RatingTable table, AgreementWeights weights) {
        this.table = table;
        this.weights = weights.matrix();
        this.raters = table.raterCount();
        this.cells = table.categoryCount() * table.categoryCount();
    }

    double[][] weights() {
        return weights;
    }

    int pairs() {
        return raters * (raters - 1) / 2;
    }

    /** Number of the pair of raters {@code first < second}. */
    int pair(int first, int second) {
        return first * (2 * raters - first - 1) / 2 + second - first - 1;
    }

    /** Every pair's weighted table, pair p at {@code [p * q², (p + 1) * q²)}. */
    double[] tables(int[] multiplicity) {
        int q = table.categoryCount();
        double[] tables = new double[pairs() * cells];
        for (int u = 0; u < table.unitCount(); u++) {
            int weight = multiplicity == null ? 1 : multiplicity[u];
            if (weight == 0) {
                continue;
            }
            int end = table.unitStart[u + 1];
            for (int j = table.unitStart[u]; j < end; j++) {
                int first = table.raterOf[j];
                // pair(first, second) * q² + row = base + second * q²
                int base = (pair(first, first + 1) - first - 1) * cells + table.categoryOf[j] * q;
                for (int k = j + 1; k < end; k++) {
                    tables[base + table.raterOf[k] * cells + table.categoryOf[k]] += weight;
                }
            }
        }
        return tables;
    }

    PairedRatings pairedRatings(double[] tables, int pair) {
        return new PairedRatings(Arrays.copyOfRange(tables, pair * cells, (pair + 1) * cells),
                table.categoryCount());
    }

    /** Cohen's kappa of each pair, NaN where undefined. */
    @Override
    public double[] estimate(int[] multiplicity) {
        double[] tables = tables(multiplicity);
        double[] kappa = new double[pairs()];
        for (int p = 0; p < kappa.length; p++) {
            kappa[p] = pairedRatings(tables, p).cohenKappa(weights);
        }
        return kappa;
    }
}
