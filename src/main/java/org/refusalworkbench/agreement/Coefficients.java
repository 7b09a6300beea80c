package org.refusalworkbench.agreement;

/** Small numeric helpers shared by the coefficient classes. */
final class Coefficients {
    /** Chance agreement this close to 1 leaves nothing to correct for: the coefficient is undefined. */
    static final double DEGENERATE = 1e-12;

    private Coefficients() {
    }

    /** (p_a − p_e) / (1 − p_e), or NaN when either input is undefined or p_e is 1. */
    static double chanceCorrected(double pa, double pe) {
        if (Double.isNaN(pa) || Double.isNaN(pe) || 1 - pe <= DEGENERATE) {
            return Double.NaN;
        }
        return (pa - pe) / (1 - pe);
    }

    /** π^w_k = (Σ_l w(k,l) π_l + Σ_l w(l,k) π_l) / 2, the weighted marginal used by Gwet's variances. */
    static double[] symmetricWeightedMarginals(double[][] w, double[] pi) {
        int q = pi.length;
        double[] result = new double[q];
        for (int k = 0; k < q; k++) {
            double sum = 0;
            for (int l = 0; l < q; l++) {
                sum += (w[k][l] + w[l][k]) * pi[l];
            }
            result[k] = sum / 2;
        }
        return result;
    }
}
