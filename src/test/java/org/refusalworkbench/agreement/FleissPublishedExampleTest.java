package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.refusalworkbench.agreement.Tables.report;
import static org.refusalworkbench.agreement.Tables.value;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin 76(5),
 * 378–382: 30 patients, 6 psychiatrists, 5 diagnoses. Raw ratings as in R package irr's {@code diagnoses}
 * (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other).
 */
class FleissPublishedExampleTest {

    static final int[][] DIAGNOSES = {
            {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5}, {2, 2, 2, 4, 4, 4},
            {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4}, {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5},
            {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4}, {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5},
            {3, 3, 3, 3, 3, 5}, {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
            {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4}, {1, 4, 4, 4, 4, 5},
            {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5}};

    static RatingTable diagnoses() {
        String[][] rows = new String[DIAGNOSES.length][6];
        for (int u = 0; u < DIAGNOSES.length; u++) {
            for (int g = 0; g < 6; g++) {
                rows[u][g] = Integer.toString(DIAGNOSES[u][g]);
            }
        }
        return Tables.grid(MeasurementLevel.NOMINAL, rows);
    }

    @Test
    @DisplayName("Fleiss (1971): overall kappa 0.430 (R irr kappam.fleiss: 0.4302445)")
    void overallKappa() {
        assertThat(value(report(diagnoses()), Metric.FLEISS_KAPPA)).isCloseTo(0.4302445, within(5e-8));
    }

    @Test
    @DisplayName("Fleiss (1971) category kappas: 0.245, 0.245, 0.520, 0.471, 0.566")
    void categoryKappas() {
        List<CategoryAgreement> categories = report(diagnoses()).perCategory();
        assertThat(categories).extracting(CategoryAgreement::label).containsExactly("1", "2", "3", "4", "5");
        double[] published = {0.245, 0.245, 0.520, 0.471, 0.566};
        for (int c = 0; c < published.length; c++) {
            assertThat(categories.get(c).kappa()).as("category %d", c + 1).isCloseTo(published[c], within(5e-4));
        }
    }
}
