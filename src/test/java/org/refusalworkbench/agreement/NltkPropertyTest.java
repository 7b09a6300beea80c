package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.refusalworkbench.agreement.Tables.report;
import static org.refusalworkbench.agreement.Tables.value;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Equality with nltk.metrics.agreement.AnnotationTask (python3-nltk) on seeded random data. */
class NltkPropertyTest {
    private static final double TOLERANCE = 1e-9;

    private static final String READ = String.join("\n",
            "import sys",
            "from nltk.metrics.agreement import AnnotationTask",
            "from nltk.metrics.distance import binary_distance, interval_distance, jaccard_distance, masi_distance",
            "rows = [line.split() for line in sys.stdin]",
            "");

    private static final String SCALAR = READ + String.join("\n",
            "triples = [(r, u, float(v)) for u, r, v in rows]",
            "def ratio(a, b): return 0.0 if a + b == 0 else ((a - b) / (a + b)) ** 2",
            "nominal = AnnotationTask(data=triples, distance=binary_distance)",
            "print('alpha_nominal', repr(nominal.alpha()))",
            "print('alpha_interval', repr(AnnotationTask(data=triples, distance=interval_distance).alpha()))",
            "print('alpha_ratio', repr(AnnotationTask(data=triples, distance=ratio).alpha()))",
            "coders = {r for _, r, _ in rows}",
            "units = {u for u, _, _ in rows}",
            "if len(rows) == len(coders) * len(units):",
            "    print('ao', repr(nominal.avg_Ao()))",
            "    print('pi', repr(nominal.pi()))",
            "    print('s', repr(nominal.S()))",
            "    print('multi_kappa', repr(nominal.multi_kappa()))",
            "    if len(coders) == 2: print('kappa', repr(nominal.kappa()))");

    private static final String SETS = READ + String.join("\n",
            "triples = [(r, u, frozenset() if v == '-' else frozenset(v.split('|'))) for u, r, v in rows]",
            "def passonneau(a, b):",
            "    if a == b: return 0.0",
            "    common = len(a & b)",
            "    m = 0.0 if common == 0 else (2/3 if common == min(len(a), len(b)) else 1/3)",
            "    return 1 - common / len(a | b) * m",
            "# NLTK divides by zero on two empty sets; like the engine, treat them as identical",
            "def both_empty_zero(d): return lambda a, b: 0.0 if not a and not b else d(a, b)",
            "print('jaccard', repr(AnnotationTask(data=triples, distance=both_empty_zero(jaccard_distance)).alpha()))",
            "print('masi_exact', repr(AnnotationTask(data=triples, distance=passonneau).alpha()))",
            "print('masi_nltk', repr(AnnotationTask(data=triples, distance=both_empty_zero(masi_distance)).alpha()))",
            "print('doc_pair', repr(masi_distance({1, 2}, {1, 2, 3, 4})))");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {201, 202, 203, 204, 205})
    @DisplayName("alpha with missing data equals NLTK's at nominal, interval and ratio level")
    void alphaWithMissingData(long seed) {
        String[][] rows = RandomRatings.grid(seed, 60, 4, 5, 0.3);
        Map<String, Double> reference = PythonReference.run("nltk", SCALAR, PythonReference.triples(rows));
        assertThat(value(report(Tables.grid(MeasurementLevel.NOMINAL, rows)), Metric.KRIPPENDORFF_ALPHA))
                .isCloseTo(reference.get("alpha_nominal"), within(TOLERANCE));
        assertThat(value(report(Tables.grid(MeasurementLevel.INTERVAL, rows)), Metric.KRIPPENDORFF_ALPHA))
                .isCloseTo(reference.get("alpha_interval"), within(TOLERANCE));
        assertThat(value(report(Tables.grid(MeasurementLevel.RATIO, rows)), Metric.KRIPPENDORFF_ALPHA))
                .isCloseTo(reference.get("alpha_ratio"), within(TOLERANCE));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {211, 212, 213})
    @DisplayName("complete data: NLTK avg_Ao, multi-pi, S and multi_kappa equal percent agreement, Fleiss, Brennan-Prediger, Conger")
    void multiRaterCoefficients(long seed) {
        String[][] rows = RandomRatings.grid(seed, 60, 4, 4, 0.0);
        Map<String, Double> reference = PythonReference.run("nltk", SCALAR, PythonReference.triples(rows));
        AgreementReport report = report(Tables.grid(MeasurementLevel.NOMINAL, rows));
        assertThat(value(report, Metric.PERCENT_AGREEMENT)).isCloseTo(reference.get("ao"), within(TOLERANCE));
        assertThat(value(report, Metric.FLEISS_KAPPA)).isCloseTo(reference.get("pi"), within(TOLERANCE));
        assertThat(value(report, Metric.BRENNAN_PREDIGER)).isCloseTo(reference.get("s"), within(TOLERANCE));
        assertThat(value(report, Metric.CONGER_KAPPA)).isCloseTo(reference.get("multi_kappa"), within(TOLERANCE));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {221, 222, 223})
    @DisplayName("two complete coders: NLTK kappa and pi equal Cohen's kappa and Scott's pi")
    void twoCoders(long seed) {
        String[][] rows = RandomRatings.grid(seed, 80, 2, 4, 0.0);
        Map<String, Double> reference = PythonReference.run("nltk", SCALAR, PythonReference.triples(rows));
        AgreementReport report = report(Tables.grid(MeasurementLevel.NOMINAL, rows));
        assertThat(value(report, Metric.COHEN_KAPPA)).isCloseTo(reference.get("kappa"), within(TOLERANCE));
        assertThat(value(report, Metric.SCOTT_PI)).isCloseTo(reference.get("pi"), within(TOLERANCE));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {231, 232, 233})
    @DisplayName("sets: alpha equals NLTK's with jaccard_distance, and with MASI when NLTK is given the exact 2/3, 1/3 weights")
    void setAlpha(long seed) {
        String[][] rows = RandomRatings.sets(seed, 60, 3, 0.2);
        Map<String, Double> reference = PythonReference.run("nltk", SETS, PythonReference.triples(rows));
        RatingTable table = RandomRatings.setTable(rows);
        ReportOptions options = ReportOptions.defaults().withBootstrap(0);
        assertThat(value(AgreementReport.compute(table, options.withSetDistance(SetDistance.JACCARD)), Metric.KRIPPENDORFF_ALPHA))
                .isCloseTo(reference.get("jaccard"), within(TOLERANCE));
        double masi = value(AgreementReport.compute(table, options), Metric.KRIPPENDORFF_ALPHA);
        assertThat(masi).isCloseTo(reference.get("masi_exact"), within(TOLERANCE));
        assertThat(Math.abs(masi - reference.get("masi_nltk"))).as("NLTK's rounded 0.67/0.33 weights shift alpha").isGreaterThan(1e-9);
    }

    @Test
    @DisplayName("NLTK documents masi_distance({1,2},{1,2,3,4}) = 0.665 (weight 0.67); Passonneau's exact 2/3 gives 2/3")
    void documentedMasiExample() {
        Map<String, Double> reference = PythonReference.run("nltk", SETS, "u0 r0 a\nu0 r1 a\n");
        assertThat(reference.get("doc_pair")).isCloseTo(0.665, within(1e-12));
        assertThat(SetDistance.MASI.between(new int[] {1, 2}, new int[] {1, 2, 3, 4})).isCloseTo(2.0 / 3.0, within(1e-15));
    }
}
