package org.refusalworkbench.agreement;

import java.util.List;

/** Cohen's kappa for every pair of raters, over the units each pair shares; diagonal entries are null. */
public final class PairwiseKappa {
    private final List<String> raters;
    private final Double[][] kappa;
    private final long[][] sharedUnits;

    private PairwiseKappa(List<String> raters, Double[][] kappa, long[][] sharedUnits) {
        this.raters = raters;
        this.kappa = kappa;
        this.sharedUnits = sharedUnits;
    }

    static PairwiseKappa of(RatingTable table, AgreementWeights weights) {
        int r = table.raterCount();
        Double[][] kappa = new Double[r][r];
        long[][] shared = new long[r][r];
        for (int a = 0; a < r; a++) {
            for (int b = a + 1; b < r; b++) {
                PairedRatings pair = PairedRatings.of(table, a, b);
                double value = pair.cohenKappa(weights.matrix());
                kappa[a][b] = Double.isNaN(value) ? null : value;
                kappa[b][a] = kappa[a][b];
                shared[a][b] = (long) pair.total();
                shared[b][a] = shared[a][b];
            }
        }
        return new PairwiseKappa(table.raterKeys(), kappa, shared);
    }

    public List<String> raters() {
        return raters;
    }

    /** Kappa of raters i and j, null if undefined or i == j. */
    public Double kappa(int i, int j) {
        return kappa[i][j];
    }

    public long sharedUnits(int i, int j) {
        return sharedUnits[i][j];
    }
}
