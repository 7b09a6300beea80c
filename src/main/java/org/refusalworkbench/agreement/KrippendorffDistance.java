package org.refusalworkbench.agreement;

/**
 * Krippendorff's squared difference functions δ²(c,k) (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability", section on metrics). The ordinal one depends on how often each category occurs
 * among pairable values, so it is recomputed for every bootstrap resample.
 */
final class KrippendorffDistance {
    private KrippendorffDistance() {
    }

    static boolean dependsOnMarginals(MeasurementLevel level) {
        return level == MeasurementLevel.ORDINAL;
    }

    /** δ² for levels whose distance does not depend on the data. */
    static double[][] fixed(RatingTable table, SetDistance setDistance) {
        int q = table.categoryCount();
        double[][] d = new double[q][q];
        for (int c = 0; c < q; c++) {
            for (int k = 0; k < q; k++) {
                d[c][k] = c == k ? 0.0 : fixedPair(table, setDistance, c, k);
            }
        }
        return d;
    }

    private static double fixedPair(RatingTable table, SetDistance setDistance, int c, int k) {
        double x = table.categoryValue(c);
        double y = table.categoryValue(k);
        switch (table.level()) {
            case NOMINAL:
                return 1.0;
            case INTERVAL:
                return (x - y) * (x - y);
            case RATIO:
                return x + y == 0 ? 0.0 : ((x - y) / (x + y)) * ((x - y) / (x + y));
            case SET:
                return setDistance.between(table.optionsOfCategoryUnsafe(c), table.optionsOfCategoryUnsafe(k));
            default:
                throw new IllegalArgumentException("ordinal distance depends on the marginals");
        }
    }

    /** Ordinal δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², categories in rank order. */
    static double[][] ordinal(double[] pairableCounts) {
        int q = pairableCounts.length;
        double[] cumulative = new double[q + 1];
        for (int g = 0; g < q; g++) {
            cumulative[g + 1] = cumulative[g] + pairableCounts[g];
        }
        double[][] d = new double[q][q];
        for (int c = 0; c < q; c++) {
            for (int k = c + 1; k < q; k++) {
                double between = cumulative[k + 1] - cumulative[c] - (pairableCounts[c] + pairableCounts[k]) / 2.0;
                d[c][k] = between * between;
                d[k][c] = d[c][k];
            }
        }
        return d;
    }
}
