package org.refusalworkbench.statistics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A percentile bootstrap interval for the difference of two paired rates, resampling clusters (prompts) with
 * replacement, so the samples of one prompt stay together and their correlation widens the interval as it
 * should. Each resample has its own generator, split from the seed before any work starts: the interval for a
 * seed is the same on any number of cores and in every run.
 */
public final class PairedBootstrap {

    /** Resamples when none are asked for: enough for a 95% percentile interval stable to about ±0.003. */
    public static final int DEFAULT_RESAMPLES = 2000;

    /** The seed when none is given, so a report printed twice prints the same interval. */
    public static final long DEFAULT_SEED = 20250101L;

    private PairedBootstrap() {
    }

    /**
     * Paired outcomes grouped by cluster: in cluster i, {@code pairs[i]} pairs, of which {@code first[i]} had the
     * outcome on the first side and {@code second[i]} on the second.
     */
    public record Clusters(int[] pairs, int[] first, int[] second) {
        public Clusters {
            if (pairs.length != first.length || pairs.length != second.length) {
                throw new IllegalArgumentException("cluster arrays of different lengths");
            }
        }

        public int size() {
            return pairs.length;
        }

        /** The observed difference of rates, first minus second; NaN without pairs. */
        public double difference() {
            return difference(null);
        }

        double difference(int[] multiplicity) {
            long n = 0;
            long a = 0;
            long b = 0;
            for (int i = 0; i < pairs.length; i++) {
                int times = multiplicity == null ? 1 : multiplicity[i];
                if (times != 0) {
                    n += (long) times * pairs[i];
                    a += (long) times * first[i];
                    b += (long) times * second[i];
                }
            }
            return n == 0 ? Double.NaN : (double) (a - b) / n;
        }
    }

    /** The 2.5th and 97.5th percentiles of the resampled differences; null without clusters. */
    public static double[] interval95(Clusters clusters, int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("at least one resample is needed, not " + resamples);
        }
        int units = clusters.size();
        if (units == 0) {
            return null;
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] generators = new SplittableRandom[resamples];
        for (int b = 0; b < resamples; b++) {
            generators[b] = root.split();
        }
        double[] differences = new double[resamples];
        IntStream.range(0, resamples).parallel().forEach(b -> {
            SplittableRandom random = generators[b];
            int[] multiplicity = new int[units];
            for (int i = 0; i < units; i++) {
                multiplicity[random.nextInt(units)]++;
            }
            differences[b] = clusters.difference(multiplicity);
        });
        double[] defined = Arrays.stream(differences).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (defined.length == 0) {
            return null;
        }
        return new double[] {quantile(defined, 0.025), quantile(defined, 0.975)};
    }

    /** Linear interpolation between order statistics (Hyndman and Fan type 7, numpy's default). */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
