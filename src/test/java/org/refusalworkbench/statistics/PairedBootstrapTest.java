package org.refusalworkbench.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
        PairedBootstrap.Clusters clusters = simulated(new SplittableRandom(1), 150, 3, 0.30, 0.20, 0.5);
        double[] first = PairedBootstrap.interval95(clusters, 1000, 42);
        double[] again = PairedBootstrap.interval95(clusters, 1000, 42);
        double[] other = PairedBootstrap.interval95(clusters, 1000, 43);
        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first[0]).isLessThan(clusters.difference());
        assertThat(first[1]).isGreaterThan(clusters.difference());
    }

    /**
     * Prompts with three correlated samples each, true rates 0.30 and 0.20: over 400 simulated projects the 95%
     * interval should hold the true difference 0.10 about 95% of the time. Percentile intervals run a little
     * narrow at this size, so the band is 90–98% (a binomial band of ±3.3 standard errors around 94.5%).
     */
    @Test
    void theIntervalCoversTheTrueDifferenceAtAboutTheNominalRate() {
        SplittableRandom random = new SplittableRandom(2025);
        int covered = 0;
        int runs = 400;
        for (int run = 0; run < runs; run++) {
            PairedBootstrap.Clusters clusters = simulated(random, 120, 3, 0.30, 0.20, 0.6);
            double[] interval = PairedBootstrap.interval95(clusters, 400, run);
            if (interval[0] <= 0.10 && 0.10 <= interval[1]) {
                covered++;
            }
        }
        assertThat((double) covered / runs).isBetween(0.90, 0.98);
    }

    /**
     * Ignoring the clusters would be wrong: with strongly correlated samples, an interval from resampling single
     * pairs is narrower than one from resampling prompts.
     */
    @Test
    void resamplingPromptsKeepsTheirSamplesTogether() {
        PairedBootstrap.Clusters clustered = simulated(new SplittableRandom(5), 100, 5, 0.4, 0.3, 0.9);
        int pairs = 0;
        for (int n : clustered.pairs()) {
            pairs += n;
        }
        int[] ones = new int[pairs];
        int[] first = new int[pairs];
        int[] second = new int[pairs];
        // The same pairs, each as a cluster of its own: spread the counts out pair by pair.
        int row = 0;
        for (int i = 0; i < clustered.size(); i++) {
            for (int j = 0; j < clustered.pairs()[i]; j++, row++) {
                ones[row] = 1;
                first[row] = j < clustered.first()[i] ? 1 : 0;
                second[row] = j < clustered.second()[i] ? 1 : 0;
            }
        }
        double[] byPrompt = PairedBootstrap.interval95(clustered, 2000, 9);
        double[] byPair = PairedBootstrap.interval95(new PairedBootstrap.Clusters(ones, first, second), 2000, 9);
        assertThat(byPrompt[1] - byPrompt[0]).isGreaterThan(1.3 * (byPair[1] - byPair[0]));
    }

    /**
     * Each prompt has a latent propensity shared by its samples with weight {@code correlation}; each side's
     * outcome is Bernoulli with the given marginal rate.
     */
    private static PairedBootstrap.Clusters simulated(SplittableRandom random, int prompts, int samples,
                                                      double rateFirst, double rateSecond, double correlation) {
        int[] pairs = new int[prompts];
        int[] first = new int[prompts];
        int[] second = new int[prompts];
        for (int i = 0; i < prompts; i++) {
            double shared = random.nextDouble();
            pairs[i] = samples;
            for (int s = 0; s < samples; s++) {
                double u = random.nextDouble() < correlation ? shared : random.nextDouble();
                // One uniform for both sides: a pair's outcomes are correlated, as paired answers are.
                first[i] += u < rateFirst ? 1 : 0;
                second[i] += u < rateSecond ? 1 : 0;
            }
        }
        return new PairedBootstrap.Clusters(pairs, first, second);
    }
}
