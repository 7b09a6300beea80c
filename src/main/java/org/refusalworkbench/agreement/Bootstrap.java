package org.refusalworkbench.agreement;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Nonparametric bootstrap over units: each resample draws n units with replacement, counts how often
 * each unit was drawn, and re-estimates every coefficient from the units' precomputed sufficient
 * statistics weighted by those counts. Resample b uses its own
 * generator, split deterministically from the seed before any work starts, so results for a seed do
 * not depend on how many cores run the resamples.
 */
final class Bootstrap {
    private Bootstrap() {
    }

    /** Estimates per resample: {@code result[b][metric]}, NaN where a resample leaves a metric undefined. */
    static double[][] resample(CoefficientEstimator estimator, int units, int resamples, long seed) {
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

    /** Defined values of one metric across resamples, sorted. */
    static double[] definedSorted(double[][] results, int metric) {
        return Arrays.stream(results).mapToDouble(r -> r[metric]).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    /** Quantile with linear interpolation between order statistics (Hyndman &amp; Fan type 7, numpy's default). */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
