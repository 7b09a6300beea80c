package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.refusalworkbench.agreement.Tables.byRater;
import static org.refusalworkbench.agreement.Tables.report;
import static org.refusalworkbench.agreement.Tables.value;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication. */
class KrippendorffPublishedExamplesTest {

    /** Section C of the paper: 4 observers, 12 units, values 1–5, missing values (dots). */
    private static RatingTable fourObservers(MeasurementLevel level) {
        return byRater(level,
                "1 2 3 3 2 1 4 1 2 . . .",
                "1 2 3 3 2 2 4 1 2 5 . 3",
                ". 3 3 3 2 3 4 2 2 5 1 .",
                "1 2 3 3 2 4 4 1 2 5 1 .");
    }

    @Test
    @DisplayName("Krippendorff (2011) sec. C, 4 observers with missing data: nominal alpha 0.743")
    void nominalAlphaWithMissingData() {
        assertThat(value(report(fourObservers(MeasurementLevel.NOMINAL)), Metric.KRIPPENDORFF_ALPHA)).isCloseTo(0.743, within(5e-4));
    }

    @Test
    @DisplayName("Krippendorff (2011) sec. C: ordinal alpha 0.815")
    void ordinalAlphaWithMissingData() {
        assertThat(value(report(fourObservers(MeasurementLevel.ORDINAL)), Metric.KRIPPENDORFF_ALPHA)).isCloseTo(0.815, within(5e-4));
    }

    @Test
    @DisplayName("Krippendorff (2011) sec. C: interval alpha 0.849")
    void intervalAlphaWithMissingData() {
        assertThat(value(report(fourObservers(MeasurementLevel.INTERVAL)), Metric.KRIPPENDORFF_ALPHA)).isCloseTo(0.849, within(5e-4));
    }

    @Test
    @DisplayName("Krippendorff (2011) sec. C: ratio alpha 0.797")
    void ratioAlphaWithMissingData() {
        assertThat(value(report(fourObservers(MeasurementLevel.RATIO)), Metric.KRIPPENDORFF_ALPHA)).isCloseTo(0.797, within(5e-4));
    }

    @Test
    @DisplayName("Krippendorff (2011) sec. A, binary data, two observers: alpha 0.095")
    void binaryTwoObservers() {
        RatingTable table = byRater(MeasurementLevel.NOMINAL,
                "0 1 0 0 0 0 0 0 1 0",
                "1 1 1 0 0 1 0 0 0 0");
        assertThat(value(report(table), Metric.KRIPPENDORFF_ALPHA)).isCloseTo(0.095, within(5e-4));
    }

    @Test
    @DisplayName("Krippendorff (2011) sec. B, nominal data, two observers, no missing data: alpha 0.692")
    void nominalTwoObservers() {
        RatingTable table = byRater(MeasurementLevel.NOMINAL,
                "a a b b d c c c e d d a",
                "b a b b b c c c e d d d");
        assertThat(value(report(table), Metric.KRIPPENDORFF_ALPHA)).isCloseTo(0.692, within(5e-4));
    }
}
