package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.refusalworkbench.agreement.Tables.report;
import static org.refusalworkbench.agreement.Tables.value;

import java.util.HashSet;
import java.util.Set;
import org.dkpro.statistics.agreement.IAnnotationStudy;
import org.dkpro.statistics.agreement.coding.BennettSAgreement;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;
import org.dkpro.statistics.agreement.coding.ScottPiAgreement;
import org.dkpro.statistics.agreement.coding.WeightedKappaAgreement;
import org.dkpro.statistics.agreement.distance.IDistanceFunction;
import org.dkpro.statistics.agreement.distance.IntervalDistanceFunction;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction;
import org.dkpro.statistics.agreement.distance.RatioDistanceFunction;
import org.dkpro.statistics.agreement.distance.SetAnnotation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Equality with DKPro Statistics 2.1.0 (Meyer et al. 2014) on seeded random data, where definitions coincide. */
class DkproPropertyTest {
    private static final double TOLERANCE = 1e-9;

    private static CodingAnnotationStudy study(String[][] rows, boolean numeric) {
        CodingAnnotationStudy study = new CodingAnnotationStudy(rows[0].length);
        for (String[] row : rows) {
            Object[] values = new Object[row.length];
            for (int g = 0; g < row.length; g++) {
                values[g] = row[g] == null ? null : numeric ? (Object) Integer.valueOf(row[g]) : row[g];
            }
            study.addItemAsArray(values);
        }
        return study;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    @DisplayName("Krippendorff's alpha with missing data equals DKPro's at all four scalar levels")
    void krippendorffAlphaWithMissingData(long seed) {
        String[][] rows = RandomRatings.grid(seed, 60, 4, 5, 0.3);
        CodingAnnotationStudy study = study(rows, true);
        assertAlpha(rows, MeasurementLevel.NOMINAL, new KrippendorffAlphaAgreement(study, new NominalDistanceFunction()).calculateAgreement());
        assertAlpha(rows, MeasurementLevel.ORDINAL, new KrippendorffAlphaAgreement(study, new OrdinalDistanceFunction()).calculateAgreement());
        assertAlpha(rows, MeasurementLevel.INTERVAL, new KrippendorffAlphaAgreement(study, new IntervalDistanceFunction()).calculateAgreement());
        assertAlpha(rows, MeasurementLevel.RATIO, new KrippendorffAlphaAgreement(study, new RatioDistanceFunction()).calculateAgreement());
    }

    private static void assertAlpha(String[][] rows, MeasurementLevel level, double expected) {
        assertThat(value(report(Tables.grid(level, rows)), Metric.KRIPPENDORFF_ALPHA)).as(level.label()).isCloseTo(expected, within(TOLERANCE));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25})
    @DisplayName("on complete data: percent agreement, Fleiss' kappa and per-category kappa equal DKPro's")
    void multiRaterCoefficientsOnCompleteData(long seed) {
        String[][] rows = RandomRatings.grid(seed, 70, 5, 4, 0.0);
        CodingAnnotationStudy study = study(rows, false);
        AgreementReport report = report(Tables.grid(MeasurementLevel.NOMINAL, rows));
        FleissKappaAgreement fleiss = new FleissKappaAgreement(study);
        assertThat(value(report, Metric.FLEISS_KAPPA)).isCloseTo(fleiss.calculateAgreement(), within(TOLERANCE));
        assertThat(value(report, Metric.PERCENT_AGREEMENT)).isCloseTo(new PercentageAgreement(study).calculateAgreement(), within(TOLERANCE));
        for (CategoryAgreement category : report.perCategory()) {
            assertThat(category.kappa()).as(category.label()).isCloseTo(fleiss.calculateCategoryAgreement(category.label()), within(TOLERANCE));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33, 34, 35})
    @DisplayName("two complete raters: Cohen's kappa, Scott's pi, Bennett's S (= Brennan-Prediger), quadratic weighted kappa equal DKPro's")
    void twoRaterCoefficients(long seed) {
        String[][] rows = RandomRatings.grid(seed, 80, 2, 5, 0.0);
        CodingAnnotationStudy study = study(rows, true);
        AgreementReport nominal = report(Tables.grid(MeasurementLevel.NOMINAL, rows));
        assertThat(value(nominal, Metric.COHEN_KAPPA)).isCloseTo(new CohenKappaAgreement(study).calculateAgreement(), within(TOLERANCE));
        assertThat(value(nominal, Metric.SCOTT_PI)).isCloseTo(new ScottPiAgreement(study).calculateAgreement(), within(TOLERANCE));
        assertThat(value(nominal, Metric.BRENNAN_PREDIGER)).isCloseTo(new BennettSAgreement(study).calculateAgreement(), within(TOLERANCE));
        AgreementReport interval = report(Tables.grid(MeasurementLevel.INTERVAL, rows));
        assertThat(value(interval, Metric.COHEN_KAPPA))
                .isCloseTo(new WeightedKappaAgreement(study, new IntervalDistanceFunction()).calculateAgreement(), within(TOLERANCE));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {41, 42, 43, 44})
    @DisplayName("sets: alpha with MASI equals DKPro's alpha given Passonneau's MASI as distance; DKPro's own MASI differs")
    void krippendorffAlphaOnSets(long seed) {
        String[][] rows = RandomRatings.sets(seed, 60, 3, 0.2);
        CodingAnnotationStudy study = new CodingAnnotationStudy(3);
        for (String[] row : rows) {
            Object[] values = new Object[row.length];
            for (int g = 0; g < row.length; g++) {
                values[g] = row[g] == null ? null : new SetAnnotation((Object[]) (row[g].isEmpty() ? new String[0] : row[g].split("\\|")));
            }
            study.addItemAsArray(values);
        }
        double passonneau = new KrippendorffAlphaAgreement(study, new PassonneauMasi()).calculateAgreement();
        RatingTable table = RandomRatings.setTable(rows);
        double ours = value(AgreementReport.compute(table, ReportOptions.defaults().withBootstrap(0)), Metric.KRIPPENDORFF_ALPHA);
        assertThat(ours).isCloseTo(passonneau, within(TOLERANCE));
        double dkproMasi = new KrippendorffAlphaAgreement(study, new org.dkpro.statistics.agreement.distance.MASISetAnnotationDistanceFunction())
                .calculateAgreement();
        assertThat(Math.abs(ours - dkproMasi)).as("DKPro's MASI weights Jaccard distance, not similarity").isGreaterThan(1e-6);
    }

    /** Passonneau (2006) MASI written independently of the production code: 1 − J·M. */
    private static final class PassonneauMasi implements IDistanceFunction {
        @Override
        public double measureDistance(IAnnotationStudy study, Object first, Object second) {
            Set<?> a = (Set<?>) first;
            Set<?> b = (Set<?>) second;
            if (a.equals(b)) {
                return 0;
            }
            Set<Object> common = new HashSet<>(a);
            common.retainAll(b);
            Set<Object> union = new HashSet<>(a);
            union.addAll(b);
            double m = common.isEmpty() ? 0 : a.containsAll(b) || b.containsAll(a) ? 2.0 / 3 : 1.0 / 3;
            return 1 - (double) common.size() / union.size() * m;
        }
    }
}
