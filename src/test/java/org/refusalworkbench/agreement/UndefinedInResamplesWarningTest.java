package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A category used on one unit only, and a rater pair sharing two units, have kappas the data define but many
 * bootstrap resamples do not. How many is known in advance: a resample of n units misses a given unit with
 * probability (1 − 1/n)^n, so the counts must fall in wide binomial ranges around those expectations.
 */
class UndefinedInResamplesWarningTest {
    private static final int UNITS = 40;
    private static final int RESAMPLES = 400;
    private static final Pattern COUNT = Pattern.compile("is undefined in (\\d+) of " + RESAMPLES);

    /**
     * Raters a and b on 40 units (x and y alternating, b flipping every fifth); a says "rare" on unit 1 only;
     * c rates units 3 (x) and 4 (y), as a and b do.
     */
    private static RatingTable table() {
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL);
        for (int u = 1; u <= UNITS; u++) {
            String a = u == 1 ? "rare" : u % 2 == 1 ? "x" : "y";
            String b = u % 5 == 0 ? (a.equals("x") ? "y" : "x") : u == 1 ? "x" : a;
            builder.add("u" + u, "a", a).add("u" + u, "b", b);
            if (u == 3 || u == 4) {
                builder.add("u" + u, "c", a);
            }
        }
        return builder.build();
    }

    private static AgreementReport report(int resamples) {
        return AgreementReport.compute(table(), ReportOptions.defaults().withBootstrap(resamples).withSeed(9));
    }

    @Test
    void aCategoryOnOneUnitIsUndefinedInTheResamplesThatMissThatUnit() {
        AgreementReport report = report(RESAMPLES);

        assertThat(report.perCategory()).filteredOn(c -> c.label().equals("rare")).singleElement()
                .satisfies(rare -> assertThat(rare.kappa()).isNotNull());
        assertThat(report.categoryWarnings()).singleElement().asString().startsWith("kappa of category 'rare' ");
        // P(unit 1 not drawn) = (39/40)^40 = 0.363: expected 145 of 400, standard deviation 9.6
        assertThat(count(report.categoryWarnings().get(0))).isBetween(110, 180);
    }

    @Test
    void aPairSharingTwoUnitsIsUndefinedUnlessBothAreDrawn() {
        PairwiseKappa pairwise = report(RESAMPLES).pairwiseCohenKappa();

        assertThat(pairwise.kappa(0, 2)).isEqualTo(1.0);
        assertThat(pairwise.warnings()).hasSize(2);
        // P(not both of units 3 and 4 drawn) = 2 (39/40)^40 − (38/40)^40 = 0.598: expected 239, sd 9.8
        assertThat(pairwise.warnings()).allSatisfy(warning -> assertThat(count(warning)).isBetween(200, 280));
        assertThat(pairwise.warnings().get(0)).startsWith("Cohen's kappa of 'a' and 'c' ");
        assertThat(pairwise.warnings().get(1)).startsWith("Cohen's kappa of 'b' and 'c' ");
    }

    @Test
    void withoutBootstrapThereIsNothingToWarnAbout() {
        AgreementReport report = report(0);

        assertThat(report.categoryWarnings()).isEmpty();
        assertThat(report.pairwiseCohenKappa().warnings()).isEmpty();
    }

    private static int count(String warning) {
        Matcher matcher = COUNT.matcher(warning);
        assertThat(matcher.find()).as(warning).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    @Test
    void categoriesEveryResampleDefinesGetNoWarning() {
        List<String> warnings = report(RESAMPLES).categoryWarnings();

        assertThat(warnings).noneMatch(w -> w.contains("'x'") || w.contains("'y'"));
    }
}
