package org.refusalworkbench.agreement;

/**
 * Per-unit sufficient statistics shared by the point estimate, the analytic variances and every
 * bootstrap resample: the non-zero category counts of each unit (compressed rows) and the unit's
 * weighted agreement and Krippendorff disagreement terms. Built once in time linear in the ratings.
 */
final class UnitStatistics {
    final RatingTable table;
    final int units;
    final int categories;
    final int raters;
    final double[][] weights;
    /** Krippendorff δ² when it does not depend on the data; null for ordinal data. */
    final double[][] fixedDistance;

    /**
     * Unit u's non-zero category counts are entries countStart[u] to countStart[u + 1] of countCategory and
     * countValue; the arrays are sized for the worst case and not trimmed (entries past countStart[units] are
     * unused), which spares a copy of two rating-sized arrays.
     */
    final int[] countStart;
    final int[] countCategory;
    final int[] countValue;
    /** m_u: number of ratings of the unit. */
    final int[] size;
    /** Σ_k r_uk (r*_uk − 1) / (m_u (m_u − 1)) with r*_uk = Σ_l w(k,l) r_ul; 0 when m_u < 2 (Gwet 2014, eq. 2.27). */
    final double[] agreement;
    /** Σ_{c,k} n_uc n_uk δ²(c,k) / (m_u − 1) for pairable units (Krippendorff 2011); 0 otherwise. */
    final double[] disagreement;
    /** For two-rater tables: each rater's category per unit, -1 if missing. */
    final int[] firstRaterCategory;
    final int[] secondRaterCategory;

    UnitStatistics(RatingTable table, AgreementWeights weights, SetDistance setDistance) {
        this.table = table;
        this.units = table.unitCount();
        this.categories = table.categoryCount();
        this.raters = table.raterCount();
        this.weights = weights.matrix();
        this.fixedDistance = KrippendorffDistance.dependsOnMarginals(table.level())
                ? null : KrippendorffDistance.fixed(table, setDistance);
        this.size = new int[units];
        this.agreement = new double[units];
        this.disagreement = new double[units];
        this.countStart = new int[units + 1];
        int[] category = new int[table.ratingCount()];
        int[] value = new int[table.ratingCount()];
        int[] scratch = new int[categories];
        int entries = 0;
        for (int u = 0; u < units; u++) {
            int from = table.unitStart[u];
            int to = table.unitStart[u + 1];
            int first = entries;
            for (int i = from; i < to; i++) {
                int c = table.categoryOf[i];
                if (scratch[c]++ == 0) {
                    category[entries++] = c;
                }
            }
            for (int e = first; e < entries; e++) {
                value[e] = scratch[category[e]];
                scratch[category[e]] = 0;
            }
            countStart[u + 1] = entries;
            size[u] = to - from;
            if (size[u] >= 2) {
                agreement[u] = unitAgreement(category, value, first, entries, size[u]);
                if (fixedDistance != null) {
                    disagreement[u] = unitDisagreement(category, value, first, entries, size[u]);
                }
            }
        }
        this.countCategory = category;
        this.countValue = value;
        if (raters == 2) {
            firstRaterCategory = new int[units];
            secondRaterCategory = new int[units];
            for (int u = 0; u < units; u++) {
                firstRaterCategory[u] = table.categoryOf(u, 0);
                secondRaterCategory[u] = table.categoryOf(u, 1);
            }
        } else {
            firstRaterCategory = null;
            secondRaterCategory = null;
        }
    }

    private double unitAgreement(int[] category, int[] value, int from, int to, int m) {
        double sum = 0;
        for (int e = from; e < to; e++) {
            double weighted = 0;
            for (int f = from; f < to; f++) {
                weighted += weights[category[e]][category[f]] * value[f];
            }
            sum += value[e] * (weighted - 1);
        }
        return sum / ((double) m * (m - 1));
    }

    private double unitDisagreement(int[] category, int[] value, int from, int to, int m) {
        double sum = 0;
        for (int e = from; e < to; e++) {
            for (int f = from; f < to; f++) {
                sum += (double) value[e] * value[f] * fixedDistance[category[e]][category[f]];
            }
        }
        return sum / (m - 1);
    }
}
