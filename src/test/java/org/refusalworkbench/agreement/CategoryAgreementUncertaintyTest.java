package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Standard errors and bootstrap intervals of per-category (per-option) kappas. */
class CategoryAgreementUncertaintyTest {
    private static final double EXACT = 1e-12;

    /** The grid with each rating replaced by "in" or "out" of one category: the category's binary variable. */
    private static RatingTable dichotomised(String[][] rows, String category) {
        String[][] binary = new String[rows.length][];
        for (int u = 0; u < rows.length; u++) {
            binary[u] = new String[rows[u].length];
            for (int g = 0; g < rows[u].length; g++) {
                binary[u][g] = rows[u][g] == null ? null : rows[u][g].equals(category) ? "in" : "out";
            }
        }
        return Tables.grid(MeasurementLevel.NOMINAL, binary, List.of("in", "out"));
    }

    /** The sets grid with each rating replaced by whether it ticks one option. */
    private static RatingTable optionTicked(String[][] rows, String option) {
        String[][] binary = new String[rows.length][];
        for (int u = 0; u < rows.length; u++) {
            binary[u] = new String[rows[u].length];
            for (int g = 0; g < rows[u].length; g++) {
                binary[u][g] = rows[u][g] == null ? null
                        : List.of(rows[u][g].split("\\|")).contains(option) ? "in" : "out";
            }
        }
        return Tables.grid(MeasurementLevel.NOMINAL, binary, List.of("in", "out"));
    }

    private static AgreementReport bootstrapped(RatingTable table, long seed) {
        return AgreementReport.compute(table, ReportOptions.defaults().withBootstrap(400).withSeed(seed));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    @DisplayName("Category SE equals the headline Fleiss SE of the dichotomised table (missing and single ratings)")
    void categoryStandardErrorIsFleissStandardErrorOfTheBinaryTable(long seed) {
        String[][] rows = RandomRatings.grid(seed, 80, 4, 4, 0.35);
        List<CategoryAgreement> categories = Tables.report(Tables.grid(MeasurementLevel.NOMINAL, rows)).perCategory();
        assertThat(categories).extracting(CategoryAgreement::label).containsExactly("1", "2", "3", "4");
        for (CategoryAgreement category : categories) {
            AgreementReport binary = Tables.report(dichotomised(rows, category.label()));
            assertThat(category.kappa()).as(category.label())
                    .isCloseTo(Tables.value(binary, Metric.FLEISS_KAPPA), within(EXACT));
            assertThat(category.standardError()).as(category.label())
                    .isCloseTo(Tables.standardError(binary, Metric.FLEISS_KAPPA), within(EXACT));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6})
    @DisplayName("Option SE of a checkbox group equals the headline Fleiss SE of 'option ticked or not'")
    void optionStandardErrorIsFleissStandardErrorOfTheTickedTable(long seed) {
        String[][] rows = RandomRatings.sets(seed, 60, 3, 0.3);
        List<CategoryAgreement> options = Tables.report(RandomRatings.setTable(rows)).perCategory();
        assertThat(options).extracting(CategoryAgreement::label).containsExactly("a", "b", "c", "d");
        for (CategoryAgreement option : options) {
            AgreementReport binary = Tables.report(optionTicked(rows, option.label()));
            assertThat(option.kappa()).as(option.label())
                    .isCloseTo(Tables.value(binary, Metric.FLEISS_KAPPA), within(EXACT));
            assertThat(option.standardError()).as(option.label())
                    .isCloseTo(Tables.standardError(binary, Metric.FLEISS_KAPPA), within(EXACT));
        }
    }

    @Test
    @DisplayName("With two categories each category's kappa, SE and interval are Fleiss' kappa's")
    void binaryDataGivesTheHeadlineFleissFiguresForBothCategories() {
        AgreementReport report = bootstrapped(Tables.grid(MeasurementLevel.NOMINAL,
                RandomRatings.grid(11, 150, 5, 2, 0.3)), 9);
        MetricResult fleiss = report.metric(Metric.FLEISS_KAPPA).orElseThrow();
        assertThat(report.perCategory()).hasSize(2).allSatisfy(category -> {
            assertThat(category.kappa()).isCloseTo(fleiss.value(), within(EXACT));
            assertThat(category.standardError()).isCloseTo(fleiss.standardError(), within(EXACT));
            assertThat(category.ci95().lower()).isCloseTo(fleiss.ci95().lower(), within(EXACT));
            assertThat(category.ci95().upper()).isCloseTo(fleiss.ci95().upper(), within(EXACT));
        });
    }

    @Test
    void sameSeedGivesTheSameIntervalsAndAnotherSeedDifferentOnes() {
        RatingTable table = Tables.grid(MeasurementLevel.NOMINAL, RandomRatings.grid(12, 120, 4, 3, 0.2));
        List<CategoryAgreement> first = bootstrapped(table, 42).perCategory();
        assertThat(bootstrapped(table, 42).perCategory()).isEqualTo(first);
        assertThat(bootstrapped(table, 43).perCategory()).extracting(CategoryAgreement::ci95)
                .isNotEqualTo(first.stream().map(CategoryAgreement::ci95).toList());
    }

    @Test
    void percentileIntervalBracketsEachCategoryKappa() {
        List<CategoryAgreement> categories = bootstrapped(Tables.grid(MeasurementLevel.NOMINAL,
                RandomRatings.grid(13, 200, 4, 4, 0.2)), 1).perCategory();
        assertThat(categories).hasSize(4).allSatisfy(category -> {
            assertThat(category.ci95().lower()).as(category.label()).isLessThanOrEqualTo(category.kappa());
            assertThat(category.ci95().upper()).as(category.label()).isGreaterThanOrEqualTo(category.kappa());
            assertThat(category.ci95().upper() - category.ci95().lower()).as(category.label()).isPositive();
        });
    }

    @Test
    @DisplayName("Bootstrap spread of a category kappa is close to its analytic standard error")
    void bootstrapSpreadIsCloseToTheAnalyticStandardError() {
        RatingTable table = Tables.grid(MeasurementLevel.NOMINAL, RandomRatings.grid(14, 300, 4, 3, 0.2));
        AgreementWeights weights = AgreementWeights.identity(table.categoryCount());
        double[][] resamples = Bootstrap.resample(new CoefficientEstimator(new UnitStatistics(table, weights,
                SetDistance.MASI), weights), table.unitCount(), 2000, 3);
        CategoryAgreement first = Tables.report(table).perCategory().get(0);
        double[] kappas = Bootstrap.definedSorted(resamples, CoefficientEstimator.METRICS);
        double mean = java.util.Arrays.stream(kappas).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(kappas).map(v -> (v - mean) * (v - mean)).sum()
                / (kappas.length - 1));
        assertThat(sd / first.standardError()).isBetween(0.85, 1.15);
    }

    @Test
    void categoriesNeverOrAlwaysUsedHaveNullKappaStandardErrorAndInterval() {
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL)
                .categories(List.of("comply", "refuse", "partial"));
        for (int u = 0; u < 40; u++) {
            builder.add("u" + u, "a", "comply").add("u" + u, "b", "comply");
        }
        List<CategoryAgreement> categories = bootstrapped(builder.build(), 1).perCategory();
        assertThat(categories).extracting(CategoryAgreement::prevalence).containsExactly(1.0, 0.0, 0.0);
        assertThat(categories).allSatisfy(category -> {
            assertThat(category.kappa()).as(category.label()).isNull();
            assertThat(category.standardError()).as(category.label()).isNull();
            assertThat(category.ci95()).as(category.label()).isNull();
        });
    }

    @Test
    void withoutBootstrapTheStandardErrorIsKeptAndTheIntervalIsNull() {
        List<CategoryAgreement> categories = Tables.report(Tables.grid(MeasurementLevel.NOMINAL,
                RandomRatings.grid(15, 60, 3, 3, 0.1))).perCategory();
        assertThat(categories).allSatisfy(category -> {
            assertThat(category.standardError()).as(category.label()).isPositive();
            assertThat(category.ci95()).as(category.label()).isNull();
        });
    }
}
