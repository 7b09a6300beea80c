package org.refusalworkbench.agreement;

/**
 * Weighted sums behind per-category agreement, for each binary variable j:
 * p_j = (1/n) Σ_i x_ij / r_i and D_j = (1/n') Σ_{r_i≥2} 2 x_ij (r_i − x_ij) / (r_i (r_i − 1)).
 * {@link CoefficientEstimator} fills them as it walks the units for the headline metrics, so every
 * bootstrap resample gets per-category kappas without a second walk over the units.
 */
final class CategorySums {
    final CategoryCounts counts;
    /** Σ_i w_i x_ij / r_i. */
    final double[] share;
    /** Σ_{r_i≥2} w_i 2 x_ij (r_i − x_ij) / (r_i (r_i − 1)). */
    final double[] disagreement;
    private double units;
    private double pairableUnits;

    CategorySums(CategoryCounts counts) {
        this.counts = counts;
        this.share = new double[counts.variables()];
        this.disagreement = new double[counts.variables()];
    }

    /** Records the sample's size: Σ_i w_i, and the same over units with two or more ratings. */
    void setUnits(double sampleUnits, double samplePairableUnits) {
        this.units = sampleUnits;
        this.pairableUnits = samplePairableUnits;
    }

    int variables() {
        return share.length;
    }

    double units() {
        return units;
    }

    double pairableUnits() {
        return pairableUnits;
    }

    /** p_j, the share of ratings in category j. */
    double prevalence(int j) {
        return share[j] / units;
    }

    /** 1 − D_j, or NaN without a unit rated twice. */
    double agreement(int j) {
        return pairableUnits > 0 ? 1 - disagreement[j] / pairableUnits : Double.NaN;
    }

    /** Chance agreement of the binary variable, p_j² + (1 − p_j)². */
    double chance(int j) {
        double p = prevalence(j);
        return p * p + (1 - p) * (1 - p);
    }

    /** κ_j = (1 − D_j − p_e) / (1 − p_e) = 1 − D_j / (2 p_j (1 − p_j)); NaN when undefined. */
    double kappa(int j) {
        return Coefficients.chanceCorrected(agreement(j), chance(j));
    }
}
