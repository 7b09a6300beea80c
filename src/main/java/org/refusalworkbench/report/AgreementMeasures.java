package org.refusalworkbench.report;

import java.util.List;
import java.util.Set;

/**
 * The coefficients the project agreement report needs, computed from a plain table of ratings. The agreement
 * engine answers them; keeping the report behind this seam lets it build its tables, group them and render them
 * without knowing the engine's types.
 */
public interface AgreementMeasures {

    /** How a variable's values relate: one option out of several, or a set of options (checkbox group). */
    enum Level { NOMINAL, SET }

    /** One rater's value(s) for one unit: one category for nominal data, any subset of options for sets. */
    record Rating(String unit, String rater, Set<String> values) {
    }

    /** Every rating of one variable, with all its categories (or options) in taxonomy order. */
    record RatingSet(Level level, List<String> categories, List<Rating> ratings) {
        public RatingSet {
            categories = List.copyOf(categories);
            ratings = List.copyOf(ratings);
        }
    }

    /**
     * One coefficient with its analytic standard error and bootstrap 95% interval; any part is null when
     * undefined or not computed.
     */
    record Coefficient(String key, Double value, Double standardError, Double low, Double high) {

        public static Coefficient missing(String key) {
            return new Coefficient(key, null, null, null, null);
        }
    }

    /** The headline coefficients of one variable, the units that count (two or more ratings), and cautions. */
    record Measured(List<Coefficient> coefficients, int units, List<String> warnings) {
        public Measured {
            coefficients = List.copyOf(coefficients);
            warnings = List.copyOf(warnings);
        }

        /** The coefficient of that metric; {@link HeadlineMetric#GWET} finds Gwet's AC1 or AC2, whichever is here. */
        public Coefficient coefficient(HeadlineMetric metric) {
            return coefficients.stream().filter(c -> metric.matches(c.key()))
                    .findFirst().orElse(Coefficient.missing(metric.keyFor(Level.NOMINAL)));
        }
    }

    /**
     * Cohen's kappa of every rater pair over the units both rated, each with its standard error and bootstrap
     * interval (key {@code cohen_kappa}); the diagonal is all null.
     */
    record PairwiseKappa(List<String> raters, Coefficient[][] kappa, long[][] sharedUnits) {
    }

    /** Units by the category rater {@code first} gave (rows) and {@code second} gave (columns). */
    record Confusion(String first, String second, List<String> categories, long[][] counts) {
    }

    /** Percent agreement, Krippendorff's alpha, Fleiss' kappa (Cohen's for two raters) and Gwet's AC1. */
    Measured measure(RatingSet ratings, boolean withIntervals);

    PairwiseKappa pairwise(RatingSet ratings);

    /** The same measures without bootstrap intervals, to show figures quickly before the intervals follow. */
    default AgreementMeasures withoutIntervals() {
        return this;
    }
}
