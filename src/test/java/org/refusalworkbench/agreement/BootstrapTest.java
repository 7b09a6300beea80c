package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static RatingTable data() {
        return Tables.grid(MeasurementLevel.NOMINAL, RandomRatings.grid(9, 200, 4, 3, 0.2));
    }

    @Test
    void sameSeedGivesTheSameIntervalsAndAnotherSeedDifferentOnes() {
        ReportOptions options = ReportOptions.defaults().withBootstrap(300);
        AgreementReport first = AgreementReport.compute(data(), options.withSeed(42));
        AgreementReport again = AgreementReport.compute(data(), options.withSeed(42));
        AgreementReport other = AgreementReport.compute(data(), options.withSeed(43));
        assertThat(again.metrics()).isEqualTo(first.metrics());
        assertThat(other.metrics()).isNotEqualTo(first.metrics());
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
        CoefficientEstimator estimator = estimator();
        double[][] parallel = Bootstrap.resample(estimator, 200, 200, 7);
        double[][] single = new ForkJoinPool(1).submit(() -> Bootstrap.resample(estimator, 200, 200, 7)).get();
        assertThat(java.util.Arrays.deepEquals(single, parallel)).as("bitwise equal, NaN included").isTrue();
    }

    @Test
    void percentileIntervalBracketsTheEstimate() {
        AgreementReport report = AgreementReport.compute(data(), ReportOptions.defaults().withBootstrap(500));
        for (MetricResult result : report.metrics()) {
            assertThat(result.ci95().lower()).as(result.key()).isLessThanOrEqualTo(result.value());
            assertThat(result.ci95().upper()).as(result.key()).isGreaterThanOrEqualTo(result.value());
        }
    }

    @Test
    void bootstrapSpreadIsCloseToTheAnalyticStandardError() {
        CoefficientEstimator estimator = estimator();
        double[][] resamples = Bootstrap.resample(estimator, 200, 2000, 3);
        double[] fleiss = Bootstrap.definedSorted(resamples, Metric.FLEISS_KAPPA.ordinal());
        double mean = java.util.Arrays.stream(fleiss).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(fleiss).map(v -> (v - mean) * (v - mean)).sum() / (fleiss.length - 1));
        double analytic = Tables.standardError(Tables.report(data()), Metric.FLEISS_KAPPA);
        assertThat(sd / analytic).isBetween(0.85, 1.15);
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertThat(Bootstrap.quantile(sorted, 0.5)).isEqualTo(3.0);
        assertThat(Bootstrap.quantile(sorted, 0.1)).isEqualTo(1.4, org.assertj.core.api.Assertions.within(1e-12));
    }

    private static CoefficientEstimator estimator() {
        RatingTable table = data();
        AgreementWeights weights = AgreementWeights.identity(table.categoryCount());
        return new CoefficientEstimator(new UnitStatistics(table, weights, SetDistance.MASI), weights);
    }
}
