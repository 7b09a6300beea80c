package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Standard errors and bootstrap intervals of the pairwise Cohen matrix. */
class PairwiseKappaUncertaintyTest {
    private static final double EXACT = 1e-12;
    private static final List<String> CATEGORIES = List.of("1", "2", "3", "4");

    /** Only raters a and b of the grid, with the full category list so weights are the same. */
    private static RatingTable pairOnly(MeasurementLevel level, String[][] rows, int a, int b) {
        String[][] pair = new String[rows.length][];
        for (int u = 0; u < rows.length; u++) {
            pair[u] = new String[] {rows[u][a], rows[u][b]};
        }
        return Tables.grid(level, pair, CATEGORIES);
    }

    private static AgreementReport bootstrapped(RatingTable table, long seed) {
        return AgreementReport.compute(table, ReportOptions.defaults().withBootstrap(400).withSeed(seed));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MeasurementLevel.class, names = {"NOMINAL", "ORDINAL"})
    @DisplayName("Each pair's kappa and SE equal the two-rater headline Cohen's kappa on that pair's ratings")
    void pairStandardErrorIsTheTwoRaterCohenStandardError(MeasurementLevel level) {
        String[][] rows = RandomRatings.grid(21, 90, 4, 4, 0.3);
        PairwiseKappa pairwise = Tables.report(Tables.grid(level, rows, CATEGORIES)).pairwiseCohenKappa();
        for (int a = 0; a < 4; a++) {
            for (int b = a + 1; b < 4; b++) {
                AgreementReport two = Tables.report(pairOnly(level, rows, a, b));
                String pair = "r" + (a + 1) + " vs r" + (b + 1);
                assertThat(pairwise.kappa(a, b)).as(pair).isCloseTo(Tables.value(two, Metric.COHEN_KAPPA), within(EXACT));
                assertThat(pairwise.standardError(a, b)).as(pair)
                        .isCloseTo(Tables.standardError(two, Metric.COHEN_KAPPA), within(EXACT));
                assertThat(pairwise.standardError(b, a)).as(pair).isEqualTo(pairwise.standardError(a, b));
                assertThat(pairwise.ci95(b, a)).as(pair).isEqualTo(pairwise.ci95(a, b));
            }
        }
        assertThat(pairwise.standardError(1, 1)).isNull();
        assertThat(pairwise.ci95(1, 1)).isNull();
    }

    @Test
    @DisplayName("With two raters the pair's interval is the headline Cohen interval: the same resamples")
    void twoRatersGetTheHeadlineCohenInterval() {
        RatingTable table = Tables.grid(MeasurementLevel.NOMINAL, RandomRatings.grid(22, 150, 2, 3, 0.2));
        AgreementReport report = bootstrapped(table, 5);
        MetricResult cohen = report.metric(Metric.COHEN_KAPPA).orElseThrow();
        PairwiseKappa pairwise = report.pairwiseCohenKappa();
        assertThat(pairwise.ci95(0, 1)).isNotNull().isEqualTo(cohen.ci95());
        assertThat(pairwise.standardError(0, 1)).isEqualTo(cohen.standardError());
    }

    @Test
    void sameSeedGivesTheSameIntervalsAndAnotherSeedDifferentOnes() {
        RatingTable table = Tables.grid(MeasurementLevel.NOMINAL, RandomRatings.grid(23, 120, 3, 3, 0.2));
        PairwiseKappa first = bootstrapped(table, 42).pairwiseCohenKappa();
        PairwiseKappa again = bootstrapped(table, 42).pairwiseCohenKappa();
        PairwiseKappa other = bootstrapped(table, 43).pairwiseCohenKappa();
        assertThat(again.ci95(0, 1)).isEqualTo(first.ci95(0, 1));
        assertThat(again.ci95(1, 2)).isEqualTo(first.ci95(1, 2));
        assertThat(other.ci95(0, 1)).isNotEqualTo(first.ci95(0, 1));
    }

    @Test
    void percentileIntervalBracketsEachPairsKappa() {
        PairwiseKappa pairwise = bootstrapped(Tables.grid(MeasurementLevel.NOMINAL,
                RandomRatings.grid(24, 200, 4, 3, 0.25)), 1).pairwiseCohenKappa();
        for (int a = 0; a < 4; a++) {
            for (int b = a + 1; b < 4; b++) {
                ConfidenceInterval interval = pairwise.ci95(a, b);
                assertThat(interval.lower()).as("%d-%d", a, b).isLessThanOrEqualTo(pairwise.kappa(a, b));
                assertThat(interval.upper()).as("%d-%d", a, b).isGreaterThanOrEqualTo(pairwise.kappa(a, b));
                assertThat(interval.upper() - interval.lower()).as("%d-%d", a, b).isPositive();
            }
        }
    }

    @Test
    @DisplayName("A pair's interval uses only the units both raters rated")
    void intervalIgnoresUnitsThePairDoesNotShare() {
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL);
        for (int u = 0; u < 60; u++) {
            String value = u % 3 == 0 ? "refuse" : "comply";
            if (u < 30) {
                builder.add("u" + u, "a", value).add("u" + u, "b", value);
            } else {
                builder.add("u" + u, "a", value).add("u" + u, "c", u % 2 == 0 ? "refuse" : "comply");
            }
        }
        PairwiseKappa pairwise = bootstrapped(builder.build(), 2).pairwiseCohenKappa();
        assertThat(pairwise.kappa(0, 1)).isEqualTo(1.0);
        assertThat(pairwise.ci95(0, 1)).isEqualTo(new ConfidenceInterval(1.0, 1.0));
        assertThat(pairwise.ci95(0, 2).lower()).isLessThan(0.5);
    }

    @Test
    void pairsWithoutSharedUnitsHaveNullKappaStandardErrorAndInterval() {
        RatingTable table = Tables.byRater(MeasurementLevel.NOMINAL,
                "x y x y x y x y",
                "x y x y . . . .",
                ". . . . y y x x");
        PairwiseKappa pairwise = bootstrapped(table, 3).pairwiseCohenKappa();
        assertThat(pairwise.sharedUnits(1, 2)).isZero();
        assertThat(pairwise.kappa(1, 2)).isNull();
        assertThat(pairwise.standardError(1, 2)).isNull();
        assertThat(pairwise.ci95(1, 2)).isNull();
        assertThat(pairwise.kappa(0, 1)).isEqualTo(1.0);
    }

    @Test
    void withoutBootstrapTheStandardErrorIsKeptAndTheIntervalIsNull() {
        PairwiseKappa pairwise = Tables.report(Tables.grid(MeasurementLevel.NOMINAL,
                RandomRatings.grid(25, 60, 3, 3, 0.1))).pairwiseCohenKappa();
        assertThat(pairwise.standardError(0, 1)).isPositive();
        assertThat(pairwise.ci95(0, 1)).isNull();
    }

    @Test
    void computedOnItsOwnItMatchesTheReportsMatrix() {
        RatingTable table = Tables.grid(MeasurementLevel.NOMINAL, RandomRatings.grid(26, 80, 3, 3, 0.2));
        ReportOptions options = ReportOptions.defaults().withBootstrap(200).withSeed(8);
        PairwiseKappa alone = PairwiseKappa.compute(table, options);
        PairwiseKappa inReport = AgreementReport.compute(table, options).pairwiseCohenKappa();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertThat(alone.kappa(a, b)).isEqualTo(inReport.kappa(a, b));
                assertThat(alone.standardError(a, b)).isEqualTo(inReport.standardError(a, b));
                assertThat(alone.ci95(a, b)).isEqualTo(inReport.ci95(a, b));
            }
        }
    }
}
