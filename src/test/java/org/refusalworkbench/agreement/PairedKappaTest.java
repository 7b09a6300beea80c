package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Kappa from cells must be the rating table's kappa: the same value and standard error, and (for the same seed and
 * unit order) the very same bootstrap interval, on tables of every shape the judge report meets.
 */
class PairedKappaTest {

    @Test
    void givesTheAgreementReportsKappaErrorAndIntervalOnRandomPairs() {
        Random random = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            int categories = 2 + random.nextInt(4);
            int units = 2 + random.nextInt(trial < 20 ? 30 : 600);
            double agreement = random.nextDouble();
            int[] cells = new int[units];
            RatingTable.Builder table = RatingTable.builder(MeasurementLevel.NOMINAL).categories(names(categories));
            for (int unit = 0; unit < units; unit++) {
                int first = random.nextInt(categories);
                int second = random.nextDouble() < agreement ? first : random.nextInt(categories);
                cells[unit] = first * categories + second;
                String name = String.format("u%06d", unit);
                table.add(name, "reference", "c" + first).add(name, "judge", "c" + second);
            }
            ReportOptions options = ReportOptions.defaults().withBootstrap(trial % 2 == 0 ? 200 : 0).withSeed(trial);

            PairedKappa.Estimate fast = PairedKappa.of(cells, categories, options);
            MetricResult expected = AgreementReport.compute(table.build(), options).metric(Metric.COHEN_KAPPA)
                    .orElseThrow();

            String trialName = "trial " + trial + ": " + units + " units, " + categories + " categories";
            if (expected.value() == null) {
                assertThat(fast.value()).as(trialName).isNaN();
                continue;
            }
            assertThat(fast.value()).as(trialName).isCloseTo(expected.value(), within(1e-13));
            assertThat(fast.standardError()).as(trialName).isCloseTo(expected.standardError(), within(1e-13));
            if (expected.ci95() == null) {
                assertThat(fast.ci95()).as(trialName).isNull();
            } else {
                assertThat(fast.ci95().lower()).as(trialName).isCloseTo(expected.ci95().lower(), within(1e-13));
                assertThat(fast.ci95().upper()).as(trialName).isCloseTo(expected.ci95().upper(), within(1e-13));
            }
        }
    }

    @Test
    void perfectAgreementIsOneAndAConstantReferenceLeavesKappaUndefined() {
        ReportOptions options = ReportOptions.defaults().withBootstrap(0);
        assertThat(PairedKappa.of(new int[] {0, 3, 0, 3}, 2, options).value()).isCloseTo(1.0, within(1e-15));
        assertThat(PairedKappa.of(new int[] {0, 0, 0}, 2, options).value()).isNaN();
    }

    private static List<String> names(int categories) {
        return java.util.stream.IntStream.range(0, categories).mapToObj(k -> "c" + k).toList();
    }
}
