package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.refusalworkbench.agreement.Tables.byRater;
import static org.refusalworkbench.agreement.Tables.fromContingency;
import static org.refusalworkbench.agreement.Tables.report;
import static org.refusalworkbench.agreement.Tables.standardError;
import static org.refusalworkbench.agreement.Tables.value;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CohenScottPublishedExamplesTest {

    /** SAS/STAT User's Guide, PROC FREQ AGREE example, as reproduced in statsmodels' test-suite (table10). */
    private static final int[][] SAS_TABLE = {{0, 4, 1}, {0, 8, 0}, {0, 1, 5}};

    @Test
    @DisplayName("SAS PROC FREQ: simple kappa 0.4842, ASE 0.1380 (Fleiss, Cohen & Everitt 1969)")
    void unweightedKappaAndAsymptoticStandardError() {
        AgreementReport report = report(fromContingency(MeasurementLevel.NOMINAL, List.of("1", "2", "3"), SAS_TABLE));
        assertThat(value(report, Metric.COHEN_KAPPA)).isCloseTo(0.4842, within(5e-5));
        assertThat(standardError(report, Metric.COHEN_KAPPA)).isCloseTo(0.1380, within(5e-5));
    }

    @Test
    @DisplayName("SAS PROC FREQ: weighted kappa (Cicchetti-Allison = linear weights) 0.4701, ASE 0.1457")
    void linearWeightedKappaAndAsymptoticStandardError() {
        AgreementReport report = report(fromContingency(MeasurementLevel.ORDINAL, List.of("1", "2", "3"), SAS_TABLE));
        assertThat(value(report, Metric.COHEN_KAPPA)).isCloseTo(0.4701, within(5e-5));
        assertThat(standardError(report, Metric.COHEN_KAPPA)).isCloseTo(0.1457, within(5e-5));
    }

    /** R package irr, dataset anxiety, raters 2 and 3 (values as printed by kappa2 in statsmodels' test-suite). */
    private static RatingTable anxietyRaters2And3() {
        return byRater(MeasurementLevel.ORDINAL,
                "3 6 4 6 2 4 2 4 3 3 2 3 3 3 2 2 1 3 3 4",
                "2 1 4 4 3 2 1 6 1 1 1 2 3 3 1 1 3 3 2 2");
    }

    @Test
    @DisplayName("R irr kappa2(anxiety[,2:3]): unweighted -0.006289308")
    void irrUnweightedKappa() {
        RatingTable table = anxietyRaters2And3();
        AgreementReport report = report(table);
        assertThat(report.cohenKappa("r1", "r2", AgreementWeights.identity(table.categoryCount())))
                .isCloseTo(-0.006289308, within(5e-10));
    }

    @Test
    @DisplayName("R irr kappa2(anxiety[,2:3], \"equal\"): 0.1459075 (linear weights on ranks)")
    void irrLinearKappa() {
        RatingTable table = anxietyRaters2And3();
        assertThat(value(report(table), Metric.COHEN_KAPPA)).isCloseTo(0.1459075, within(5e-8));
    }

    @Test
    @DisplayName("R irr kappa2(anxiety[,2:3], \"squared\"): 0.2520325 (quadratic weights on ranks)")
    void irrQuadraticKappa() {
        RatingTable table = anxietyRaters2And3();
        assertThat(report(table).cohenKappa("r1", "r2", AgreementWeights.quadratic(table))).isCloseTo(0.2520325, within(5e-8));
    }

    /** Artstein &amp; Poesio (2008), "Inter-coder agreement for computational linguistics", sec. 2: 100 utterances. */
    private static final int[][] ARTSTEIN_POESIO = {{46, 6, 0}, {0, 32, 0}, {0, 6, 10}};

    @Test
    @DisplayName("Artstein & Poesio (2008): Ao 0.88, Scott's pi 0.79953 (NLTK doc), Cohen's kappa 0.8013, S 0.82")
    void artsteinPoesioExample() {
        AgreementReport report = report(fromContingency(MeasurementLevel.NOMINAL, List.of("stat", "ireq", "chck"), ARTSTEIN_POESIO));
        assertThat(value(report, Metric.PERCENT_AGREEMENT)).isCloseTo(0.88, within(1e-12));
        assertThat(value(report, Metric.SCOTT_PI)).isCloseTo(0.79953, within(5e-6));
        assertThat(value(report, Metric.COHEN_KAPPA)).isCloseTo(0.8013, within(5e-5));
        assertThat(value(report, Metric.BRENNAN_PREDIGER)).isCloseTo(0.82, within(5e-3));
    }

    @Test
    @DisplayName("Scott's pi equals Fleiss' kappa, with the same standard error, for two raters and no missing data")
    void scottPiIsFleissKappaForTwoCompleteRaters() {
        AgreementReport report = report(fromContingency(MeasurementLevel.NOMINAL, List.of("stat", "ireq", "chck"), ARTSTEIN_POESIO));
        assertThat(value(report, Metric.SCOTT_PI)).isCloseTo(value(report, Metric.FLEISS_KAPPA), within(1e-12));
        assertThat(standardError(report, Metric.SCOTT_PI)).isCloseTo(standardError(report, Metric.FLEISS_KAPPA), within(1e-12));
    }
}
