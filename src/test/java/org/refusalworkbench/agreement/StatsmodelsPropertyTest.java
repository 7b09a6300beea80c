package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.refusalworkbench.agreement.Tables.report;
import static org.refusalworkbench.agreement.Tables.standardError;
import static org.refusalworkbench.agreement.Tables.value;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Equality with statsmodels.stats.inter_rater (python3-statsmodels) on seeded random complete data:
 * statsmodels' functions take complete count or contingency tables, so missing ratings are not compared.
 */
class StatsmodelsPropertyTest {
    private static final double TOLERANCE = 1e-9;

    private static final String MULTI_RATER = String.join("\n",
            "import sys, collections",
            "import numpy as np",
            "from statsmodels.stats.inter_rater import fleiss_kappa, aggregate_raters",
            "cells = collections.defaultdict(dict)",
            "for line in sys.stdin:",
            "    u, r, v = line.split()",
            "    cells[u][r] = int(v)",
            "data = np.array([[row[r] for r in sorted(row)] for _, row in sorted(cells.items())])",
            "table = aggregate_raters(data)[0]",
            "print('fleiss', repr(float(fleiss_kappa(table, method='fleiss'))))",
            "print('randolph', repr(float(fleiss_kappa(table, method='randolph'))))");

    private static final String TWO_RATER = String.join("\n",
            "import sys, collections",
            "import numpy as np",
            "from statsmodels.stats.inter_rater import cohens_kappa, to_table",
            "cells = collections.defaultdict(dict)",
            "for line in sys.stdin:",
            "    u, r, v = line.split()",
            "    cells[u][r] = int(v)",
            "data = np.array([[row['r0'], row['r1']] for _, row in sorted(cells.items())])",
            "table = to_table(data - 1, bins=np.arange(data.max() + 1) - 0.5)[0]",
            "for name, wt in (('unweighted', None), ('linear', 'linear'), ('quadratic', 'quadratic')):",
            "    res = cohens_kappa(table, wt=wt)",
            "    print(name, repr(float(res.kappa)))",
            "    print(name + '_se', repr(float(res.std_kappa)))");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {101, 102, 103, 104, 105})
    @DisplayName("Fleiss' kappa and Brennan-Prediger equal statsmodels fleiss_kappa (methods 'fleiss' and 'randolph')")
    void fleissAndRandolph(long seed) {
        String[][] rows = RandomRatings.grid(seed, 90, 5, 4, 0.0);
        Map<String, Double> reference = PythonReference.run("statsmodels", MULTI_RATER, PythonReference.triples(rows));
        AgreementReport report = report(Tables.grid(MeasurementLevel.NOMINAL, rows));
        assertThat(value(report, Metric.FLEISS_KAPPA)).isCloseTo(reference.get("fleiss"), within(TOLERANCE));
        assertThat(value(report, Metric.BRENNAN_PREDIGER)).isCloseTo(reference.get("randolph"), within(TOLERANCE));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {111, 112, 113, 114, 115})
    @DisplayName("Cohen's kappa and its ASE equal statsmodels cohens_kappa: unweighted, linear and quadratic on ranks")
    void cohenKappa(long seed) {
        String[][] rows = RandomRatings.grid(seed, 120, 2, 5, 0.0);
        Map<String, Double> reference = PythonReference.run("statsmodels", TWO_RATER, PythonReference.triples(rows));
        AgreementReport nominal = report(Tables.grid(MeasurementLevel.NOMINAL, rows));
        assertThat(value(nominal, Metric.COHEN_KAPPA)).isCloseTo(reference.get("unweighted"), within(TOLERANCE));
        assertThat(standardError(nominal, Metric.COHEN_KAPPA)).isCloseTo(reference.get("unweighted_se"), within(TOLERANCE));
        RatingTable ordinal = Tables.grid(MeasurementLevel.ORDINAL, rows);
        AgreementReport linear = report(ordinal);
        assertThat(value(linear, Metric.COHEN_KAPPA)).isCloseTo(reference.get("linear"), within(TOLERANCE));
        assertThat(standardError(linear, Metric.COHEN_KAPPA)).isCloseTo(reference.get("linear_se"), within(TOLERANCE));
        AgreementReport quadratic = AgreementReport.compute(ordinal,
                ReportOptions.defaults().withBootstrap(0).withWeights(ReportOptions.WeightScheme.QUADRATIC));
        assertThat(value(quadratic, Metric.COHEN_KAPPA)).isCloseTo(reference.get("quadratic"), within(TOLERANCE));
        assertThat(standardError(quadratic, Metric.COHEN_KAPPA)).isCloseTo(reference.get("quadratic_se"), within(TOLERANCE));
    }
}
