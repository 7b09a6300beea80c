package org.refusalworkbench.agreement;

/**
 * Statistics computed from units weighted by how often each occurs in a sample: every unit once for the
 * point estimate, the bootstrap's draw counts for a resample.
 */
@FunctionalInterface
interface WeightedEstimator {

    /**
     * Estimates of the weighted sample, NaN where undefined.
     *
     * @param multiplicity times each unit is in the sample, or null for every unit once
     */
    double[] estimate(int[] multiplicity);
}
