package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.refusalworkbench.agreement.Tables.report;

import java.util.List;
import org.junit.jupiter.api.Test;

class UndefinedAndWarningsTest {

    private static RatingTable allInOneCategory() {
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL);
        for (int u = 0; u < 40; u++) {
            builder.add("u" + u, "a", "comply").add("u" + u, "b", "comply").add("u" + u, "c", "comply");
        }
        return builder.build();
    }

    @Test
    void everyRatingInOneCategoryGivesNullKappasNotNaN() {
        AgreementReport report = AgreementReport.compute(allInOneCategory(), ReportOptions.defaults().withBootstrap(50));
        assertThat(report.metric(Metric.PERCENT_AGREEMENT).orElseThrow().value()).isEqualTo(1.0);
        for (Metric metric : List.of(Metric.FLEISS_KAPPA, Metric.CONGER_KAPPA, Metric.KRIPPENDORFF_ALPHA, Metric.GWET_AC, Metric.BRENNAN_PREDIGER)) {
            MetricResult result = report.metric(metric).orElseThrow();
            assertThat(result.value()).as(metric.name()).isNull();
            assertThat(result.standardError()).as(metric.name()).isNull();
            assertThat(result.ci95()).as(metric.name()).isNull();
        }
        assertThat(report.warnings()).containsOnlyOnce("fleiss_kappa, conger_kappa, krippendorff_alpha, gwet_ac1 and"
                + " brennan_prediger are undefined: every rating is 'comply', so chance agreement is 1; reported as null");
    }

    @Test
    void aReaderShownSomeMetricsIsCautionedAboutThoseOnlyUnderItsOwnNames() {
        AgreementReport report = AgreementReport.compute(allInOneCategory(), ReportOptions.defaults().withBootstrap(0));

        assertThat(report.warnings(java.util.EnumSet.of(Metric.PERCENT_AGREEMENT, Metric.KRIPPENDORFF_ALPHA),
                metric -> metric == Metric.KRIPPENDORFF_ALPHA ? "α" : "agreement"))
                .containsExactly("α is undefined: every rating is 'comply', so chance agreement is 1; reported as null");
        assertThat(report.warnings(java.util.EnumSet.of(Metric.PERCENT_AGREEMENT), metric -> "agreement")).isEmpty();
    }

    @Test
    void setsWhereNobodyChoseAnythingSayTheSetIsEmptyRatherThanQuoteNothing() {
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.SET);
        for (int u = 0; u < 40; u++) {
            builder.addSet("u" + u, "a", List.of()).addSet("u" + u, "b", List.of());
        }

        assertThat(AgreementReport.compute(builder.build(), ReportOptions.defaults().withBootstrap(0)).warnings())
                .anyMatch(w -> w.contains("every rating is the empty set (nothing chosen)"))
                .noneMatch(w -> w.contains("''"));
    }

    @Test
    void unusedExplicitCategoriesChangeAc1ButNotFleiss() {
        RatingTable.Builder observed = RatingTable.builder(MeasurementLevel.NOMINAL);
        RatingTable.Builder listed = RatingTable.builder(MeasurementLevel.NOMINAL).categories(List.of("x", "y", "z", "w"));
        String[][] rows = {{"x", "x"}, {"x", "y"}, {"y", "y"}, {"x", "x"}, {"y", "x"}, {"y", "y"}};
        for (int u = 0; u < rows.length; u++) {
            for (int g = 0; g < 2; g++) {
                observed.add("u" + u, "r" + g, rows[u][g]);
                listed.add("u" + u, "r" + g, rows[u][g]);
            }
        }
        AgreementReport two = report(observed.build());
        AgreementReport four = report(listed.build());
        assertThat(Tables.value(four, Metric.FLEISS_KAPPA)).isEqualTo(Tables.value(two, Metric.FLEISS_KAPPA));
        assertThat(Tables.value(four, Metric.GWET_AC)).isNotEqualTo(Tables.value(two, Metric.GWET_AC));
        assertThat(Tables.value(four, Metric.BRENNAN_PREDIGER)).isGreaterThan(Tables.value(two, Metric.BRENNAN_PREDIGER));
    }

    @Test
    void highAgreementWithOneDominantCategoryWarnsOfThePrevalenceParadox() {
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL);
        for (int u = 0; u < 100; u++) {
            String first = u < 90 ? "comply" : u < 95 ? "refuse" : "comply";
            String second = u < 90 ? "comply" : u < 95 ? "comply" : "refuse";
            builder.add("u" + u, "a", first).add("u" + u, "b", second);
        }
        AgreementReport report = report(builder.build());
        assertThat(report.warnings()).anyMatch(w -> w.startsWith("prevalence paradox") && w.contains("cohen_kappa")
                && w.contains("'comply'"));
        assertThat(report.warnings(java.util.EnumSet.of(Metric.FLEISS_KAPPA, Metric.GWET_AC),
                metric -> metric == Metric.GWET_AC ? "AC1" : "κ"))
                .anyMatch(w -> w.startsWith("prevalence paradox") && w.contains("but κ = ") && w.contains("(AC1 = ")
                        && !w.contains("cohen_kappa"));
    }

    @Test
    void fewUnitsAndSingleRatedUnitsAreReported() {
        RatingTable table = RatingTable.builder(MeasurementLevel.NOMINAL)
                .add("u1", "a", "x").add("u1", "b", "y").add("u2", "a", "x").add("u3", "a", "y").add("u3", "b", "y").build();
        assertThat(report(table).warnings())
                .anyMatch(w -> w.startsWith("only 2 units have two or more ratings"))
                .anyMatch(w -> w.startsWith("1 of 3 units have a single rating"));
    }

    @Test
    void twoRaterMetricsAppearOnlyForExactlyTwoRaters() {
        RatingTable three = RatingTable.builder(MeasurementLevel.NOMINAL)
                .add("u1", "a", "x").add("u1", "b", "x").add("u1", "c", "y").add("u2", "a", "y").add("u2", "b", "y").build();
        assertThat(report(three).metric(Metric.COHEN_KAPPA)).isEmpty();
        assertThat(report(three).metrics()).extracting(MetricResult::key).contains("fleiss_kappa", "conger_kappa", "gwet_ac1");
    }

    @Test
    void weightedLevelsReportGwetAc2() {
        RatingTable table = Tables.byRater(MeasurementLevel.ORDINAL, "1 2 3 1", "1 3 3 2");
        assertThat(report(table).metrics()).extracting(MetricResult::key).contains("gwet_ac2").doesNotContain("gwet_ac1");
    }

    @Test
    void confusionMatrixCountsUnitsBothRatersRated() {
        RatingTable table = Tables.byRater(MeasurementLevel.NOMINAL, "x x y . y", "x y y y .");
        ConfusionMatrix matrix = report(table).confusionMatrix("r1", "r2");
        assertThat(matrix.categories()).containsExactly("x", "y");
        assertThat(matrix.count(0, 0)).isEqualTo(1);
        assertThat(matrix.count(0, 1)).isEqualTo(1);
        assertThat(matrix.count(1, 1)).isEqualTo(1);
        assertThat(matrix.total()).isEqualTo(3);
    }

    @Test
    void pairwiseCohenMatrixIsSymmetricWithNullDiagonal() {
        RatingTable table = Tables.byRater(MeasurementLevel.NOMINAL, "x x y y x", "x y y y x", "y y y x x");
        PairwiseKappa pairwise = report(table).pairwiseCohenKappa();
        assertThat(pairwise.kappa(0, 0)).isNull();
        assertThat(pairwise.kappa(0, 2)).isEqualTo(pairwise.kappa(2, 0));
        assertThat(pairwise.kappa(0, 1)).isEqualTo(report(table).cohenKappa("r1", "r2", AgreementWeights.identity(2)));
    }

    @Test
    void checkboxGroupsGetOneBinaryResultPerOption() {
        RatingTable table = RandomRatings.setTable(RandomRatings.sets(5, 40, 3, 0.1));
        List<CategoryAgreement> options = report(table).perCategory();
        assertThat(options).extracting(CategoryAgreement::label).containsExactly("a", "b", "c", "d");
        assertThat(options).allSatisfy(o -> assertThat(o.kappa()).isBetween(-1.0, 1.0));
    }
}
