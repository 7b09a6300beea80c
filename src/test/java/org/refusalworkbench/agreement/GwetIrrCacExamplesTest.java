package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.refusalworkbench.agreement.Tables.byRater;
import static org.refusalworkbench.agreement.Tables.report;
import static org.refusalworkbench.agreement.Tables.standardError;
import static org.refusalworkbench.agreement.Tables.value;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values published with Gwet's irrCAC package (R, CRAN; documented examples, and the same figures in its
 * Python port's test-suite) for the datasets of Gwet (2014), "Handbook of Inter-Rater Reliability",
 * 4th ed. Three-decimal figures are checked to ±0.0005, five-decimal ones to ±0.000005.
 */
class GwetIrrCacExamplesTest {

    /** cac.raw4raters, Gwet (2014) p. 120: 12 units, 4 raters, categories 1–5, missing ratings. */
    private static RatingTable raw4raters(MeasurementLevel level) {
        return byRater(level,
                "1 2 3 3 2 1 4 1 2 . . .",
                "1 2 3 3 2 2 4 1 2 5 . .",
                ". 3 3 3 2 3 4 2 2 5 1 3",
                "1 2 3 3 2 4 4 1 2 5 1 .");
    }

    /** cac.raw5obser: 15 units, 5 observers, scores 0–3. */
    private static RatingTable raw5observers() {
        return byRater(MeasurementLevel.NOMINAL,
                "1 1 2 . 0 0 1 1 2 2 . 0 1 3 1",
                "1 1 3 0 0 0 0 . 2 1 1 0 2 3 1",
                "2 0 3 0 0 0 2 2 2 1 0 0 2 2 1",
                ". 1 3 . . . . 0 . 1 0 0 2 2 .",
                "2 . . 0 0 0 1 . 2 . . . . 3 1");
    }

    /** cac.ben.gerry: 12 units, raters Ben and Gerry, categories a–e, one missing rating. */
    private static RatingTable benGerry() {
        return byRater(MeasurementLevel.NOMINAL,
                "a a b b d c c c e d d a",
                "b a b b b c c c e . d d");
    }

    /** cac.raw.gender: 15 units, 4 raters, categories a–c, complete. */
    private static RatingTable gender() {
        return byRater(MeasurementLevel.NOMINAL,
                "a a a a a b b b c a a a a a b",
                "a a a a b a b c c a a a a b a",
                "a b b c a a b b c a b b c a a",
                "c c c c a a b b c c c c c a a");
    }

    @Test
    @DisplayName("irrCAC gwet.ac1.raw(cac.raw4raters): AC1 0.77544, SE 0.14295")
    void ac1FourRaters() {
        AgreementReport report = report(raw4raters(MeasurementLevel.NOMINAL));
        assertThat(value(report, Metric.GWET_AC)).isCloseTo(0.77544, within(5e-6));
        assertThat(standardError(report, Metric.GWET_AC)).isCloseTo(0.14295, within(5e-6));
        assertThat(value(report, Metric.PERCENT_AGREEMENT)).isCloseTo(0.81818, within(5e-6));
    }

    @Test
    @DisplayName("irrCAC fleiss.kappa.raw(cac.raw4raters): kappa 0.76117, SE 0.15302")
    void fleissFourRaters() {
        AgreementReport report = report(raw4raters(MeasurementLevel.NOMINAL));
        assertThat(value(report, Metric.FLEISS_KAPPA)).isCloseTo(0.76117, within(5e-6));
        assertThat(standardError(report, Metric.FLEISS_KAPPA)).isCloseTo(0.15302, within(5e-6));
    }

    static Stream<Arguments> threeDecimalFigures() {
        return Stream.of(
                // dataset, level, metric, coefficient, standard error (NaN: not published)
                Arguments.of("raw4raters", MeasurementLevel.NOMINAL, Metric.CONGER_KAPPA, 0.763, Double.NaN),
                Arguments.of("raw4raters", MeasurementLevel.NOMINAL, Metric.BRENNAN_PREDIGER, 0.773, 0.145),
                Arguments.of("raw4raters", MeasurementLevel.NOMINAL, Metric.KRIPPENDORFF_ALPHA, 0.743, 0.146),
                // linear weights (our ordinal level) on categories 1..5
                Arguments.of("raw4raters", MeasurementLevel.ORDINAL, Metric.GWET_AC, 0.859, 0.117),
                Arguments.of("raw4raters", MeasurementLevel.ORDINAL, Metric.CONGER_KAPPA, 0.814, 0.145),
                Arguments.of("raw4raters", MeasurementLevel.ORDINAL, Metric.BRENNAN_PREDIGER, 0.848, 0.123),
                Arguments.of("raw4raters", MeasurementLevel.ORDINAL, Metric.PERCENT_AGREEMENT, 0.939, Double.NaN),
                // quadratic weights (our interval level)
                Arguments.of("raw4raters", MeasurementLevel.INTERVAL, Metric.GWET_AC, 0.914, 0.104),
                Arguments.of("raw4raters", MeasurementLevel.INTERVAL, Metric.CONGER_KAPPA, 0.858, 0.144),
                Arguments.of("raw4raters", MeasurementLevel.INTERVAL, Metric.BRENNAN_PREDIGER, 0.902, 0.111),
                Arguments.of("raw4raters", MeasurementLevel.INTERVAL, Metric.KRIPPENDORFF_ALPHA, 0.849, 0.129),
                // ratio weights (our ratio level)
                Arguments.of("raw4raters", MeasurementLevel.RATIO, Metric.GWET_AC, 0.857, 0.122),
                Arguments.of("raw4raters", MeasurementLevel.RATIO, Metric.CONGER_KAPPA, 0.812, 0.149),
                Arguments.of("raw4raters", MeasurementLevel.RATIO, Metric.BRENNAN_PREDIGER, 0.840, 0.132),
                Arguments.of("raw4raters", MeasurementLevel.RATIO, Metric.KRIPPENDORFF_ALPHA, 0.797, 0.140),
                Arguments.of("raw5observers", MeasurementLevel.NOMINAL, Metric.GWET_AC, 0.497, 0.122),
                Arguments.of("raw5observers", MeasurementLevel.NOMINAL, Metric.CONGER_KAPPA, 0.469, 0.117),
                Arguments.of("raw5observers", MeasurementLevel.NOMINAL, Metric.BRENNAN_PREDIGER, 0.487, 0.121),
                Arguments.of("raw5observers", MeasurementLevel.NOMINAL, Metric.KRIPPENDORFF_ALPHA, 0.481, 0.114),
                Arguments.of("benGerry", MeasurementLevel.NOMINAL, Metric.GWET_AC, 0.661, 0.184),
                Arguments.of("benGerry", MeasurementLevel.NOMINAL, Metric.CONGER_KAPPA, 0.657, 0.179),
                Arguments.of("benGerry", MeasurementLevel.NOMINAL, Metric.BRENNAN_PREDIGER, 0.659, 0.185),
                Arguments.of("benGerry", MeasurementLevel.NOMINAL, Metric.KRIPPENDORFF_ALPHA, 0.665, 0.180),
                Arguments.of("gender", MeasurementLevel.NOMINAL, Metric.GWET_AC, 0.208, 0.091),
                Arguments.of("gender", MeasurementLevel.NOMINAL, Metric.CONGER_KAPPA, 0.166, 0.121),
                Arguments.of("gender", MeasurementLevel.NOMINAL, Metric.BRENNAN_PREDIGER, 0.183, 0.102),
                Arguments.of("gender", MeasurementLevel.NOMINAL, Metric.KRIPPENDORFF_ALPHA, 0.143, 0.141));
    }

    @ParameterizedTest(name = "irrCAC {0} ({1}): {2} = {3}, SE {4}")
    @MethodSource("threeDecimalFigures")
    void matchesPublishedThreeDecimalFigures(String dataset, MeasurementLevel level, Metric metric, double coefficient,
                                             double standardError) {
        RatingTable table;
        switch (dataset) {
            case "raw4raters":
                table = raw4raters(level);
                break;
            case "raw5observers":
                table = raw5observers();
                break;
            case "benGerry":
                table = benGerry();
                break;
            default:
                table = gender();
        }
        AgreementReport report = report(table);
        assertThat(value(report, metric)).isCloseTo(coefficient, within(5e-4 + 1e-12));
        if (!Double.isNaN(standardError)) {
            assertThat(standardError(report, metric)).isCloseTo(standardError, within(5e-4 + 1e-12));
        }
    }
}
