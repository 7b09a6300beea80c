package org.refusalworkbench.agreement;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Nonparametric bootstrap over units: each resample draws n units with replacement, counts how often
 * each unit was drawn, and re-estimates every statistic from the units' precomputed sufficient
 * statistics weighted by those counts. Resample b uses its own
 * generator, split deterministically from the seed before any work starts, so results for a seed do
 * not depend on how many cores run the resamples, and every run with the same seed, unit count and
 * resample count draws the same resamples.
 */
final class Bootstrap {
    private Bootstrap() {
    }

    /** Estimates per resample: {@code result[b][k]}, NaN where a resample leaves statistic k undefined. */
    static double[][] resample(WeightedEstimator estimator, int units, int resamples, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] generators = new SplittableRandom[resamples];
        for (int b = 0; b < resamples; b++) {
            generators[b] = root.split();
        }
        double[][] results = new double[resamples][];
        IntStream.range(0, resamples).parallel().forEach(b -> {
            SplittableRandom random = generators[b];
            int[] multiplicity = new int[units];
            for (int i = 0; i < units; i++) {
                multiplicity[random.nextInt(units)]++;
            }
            results[b] = estimator.estimate(multiplicity);
        });
        return results;
    }

    /** 2.5th and 97.5th percentiles of statistic k over the resamples where it is defined; null if it never is. */
    static ConfidenceInterval percentileInterval(double[][] results, int k) {
        double[] sorted = definedSorted(results, k);
        if (sorted.length == 0) {
            return null;
        }
        return new ConfidenceInterval(quantile(sorted, 0.025), quantile(sorted, 0.975));
    }

    /** Defined values of one statistic across resamples, sorted. */
    static double[] definedSorted(double[][] results, int k) {
        return Arrays.stream(results).mapToDouble(r -> r[k]).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    /** Quantile with linear interpolation between order statistics (Hyndman &amp; Fan type 7, numpy's default). */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
