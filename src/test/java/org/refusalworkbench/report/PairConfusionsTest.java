package org.refusalworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.refusalworkbench.agreement.AgreementReport;
import org.refusalworkbench.agreement.ConfusionMatrix;
import org.refusalworkbench.agreement.MeasurementLevel;
import org.refusalworkbench.agreement.RatingTable;
import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.report.AgreementMeasures.Confusion;
import org.refusalworkbench.report.AgreementMeasures.Level;
import org.refusalworkbench.report.AgreementMeasures.Rating;
import org.refusalworkbench.report.AgreementMeasures.RatingSet;

class PairConfusionsTest {

    private static final List<String> CATEGORIES = List.of("safety", "capability", "scope", "over");

    @Test
    void everyPairsCountedConfusionMatrixEqualsTheEnginesOnRandomRatings() {
        Random random = new Random(20261203);
        for (int round = 0; round < 40; round++) {
            List<String> raters = List.of("ann", "bo", "cy", "dee", "eli").subList(0, 2 + random.nextInt(4));
            List<Rating> ratings = new ArrayList<>();
            for (int unit = 0; unit < 1 + random.nextInt(300); unit++) {
                for (String rater : raters) {
                    if (random.nextDouble() < 0.7) {
                        ratings.add(new Rating("u" + unit, rater,
                                Set.of(CATEGORIES.get(random.nextInt(CATEGORIES.size())))));
                    }
                }
            }
            // A unit's ratings need not come together: the engine does not require it either.
            Collections.shuffle(ratings, random);
            RatingSet set = new RatingSet(Level.NOMINAL, CATEGORIES, ratings);
            PairConfusions counted = PairConfusions.count(set);
            AgreementReport engine = AgreementReport.compute(table(set), ReportOptions.defaults().withBootstrap(0));
            List<String> rated = ratings.stream().map(Rating::rater).distinct().toList();
            for (String first : rated) {
                for (String second : rated) {
                    if (!first.equals(second)) {
                        assertSameCounts(counted.of(first, second), engine.confusionMatrix(first, second));
                    }
                }
            }
        }
    }

    @Test
    void aRaterWhoRatedNothingOfTheVariableHasAnAllZeroMatrixInsteadOfAnError() {
        RatingSet set = new RatingSet(Level.NOMINAL, CATEGORIES, List.of(new Rating("u1", "ann", Set.of("scope")),
                new Rating("u1", "bo", Set.of("over"))));
        Confusion confusion = PairConfusions.count(set).of("ann", "zed");
        assertThat(confusion.categories()).isEqualTo(CATEGORIES);
        assertThat(confusion.counts()).isDeepEqualTo(new long[4][4]);
        assertThat(PairConfusions.count(set).of("bo", "ann").counts()[3][2]).isEqualTo(1);
    }

    @Test
    void checkboxRatingsAreRefused() {
        assertThatThrownBy(() -> PairConfusions.count(new RatingSet(Level.SET, CATEGORIES, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSameCounts(Confusion counted, ConfusionMatrix engine) {
        assertThat(counted.categories()).isEqualTo(engine.categories());
        for (int i = 0; i < engine.categories().size(); i++) {
            for (int j = 0; j < engine.categories().size(); j++) {
                assertThat(counted.counts()[i][j]).as("%s vs %s [%d][%d]", counted.first(), counted.second(), i, j)
                        .isEqualTo(engine.count(i, j));
            }
        }
    }

    private static RatingTable table(RatingSet set) {
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL).categories(set.categories());
        set.ratings().forEach(rating -> builder.add(rating.unit(), rating.rater(), rating.values().iterator().next()));
        return builder.build();
    }
}
