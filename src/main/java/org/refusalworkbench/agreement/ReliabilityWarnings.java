package org.refusalworkbench.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Plain-language cautions about a report: undefined values, too few units, the prevalence paradox. */
final class ReliabilityWarnings {
    /** Below this many units with two or more ratings, intervals are wide and estimates unstable. */
    static final int MIN_PAIRABLE_UNITS = 30;
    /** Prevalence paradox thresholds: high raw agreement, low marginal-based kappa, one dominant category. */
    static final double HIGH_AGREEMENT = 0.8;
    static final double LOW_KAPPA = 0.4;
    static final double DOMINANT_SHARE = 0.8;

    private final RatingTable table;
    private final UnitStatistics statistics;
    private final List<Caution> warnings = new ArrayList<>();

    /**
     * One caution, written for the metrics a reader is shown and under the names the reader knows them by: the
     * command line names metrics by their JSON keys, the project views by their usual symbols and leave out the
     * metrics they do not show. Null when the caution concerns none of the metrics shown.
     */
    @FunctionalInterface
    interface Caution {
        String render(Set<Metric> shown, Function<Metric, String> name);

        static Caution general(String text) {
            return (shown, name) -> text;
        }
    }

    private ReliabilityWarnings(RatingTable table, UnitStatistics statistics) {
        this.table = table;
        this.statistics = statistics;
    }

    static List<Caution> collect(RatingTable table, UnitStatistics statistics, List<Metric> metrics,
                                 double[] estimates, double[][] resamples) {
        ReliabilityWarnings w = new ReliabilityWarnings(table, statistics);
        w.sampleSize();
        w.undefined(metrics, estimates);
        w.prevalence(metrics, estimates);
        if (resamples != null) {
            w.undefinedInResamples(metrics, estimates, resamples);
        }
        return List.copyOf(w.warnings);
    }

    private void sampleSize() {
        int pairable = 0;
        for (int u = 0; u < statistics.units; u++) {
            if (statistics.size[u] >= 2) {
                pairable++;
            }
        }
        int single = statistics.units - pairable;
        if (single > 0) {
            warnings.add(Caution.general(single + " of " + statistics.units
                    + " units have a single rating and do not count towards agreement"));
        }
        if (pairable < MIN_PAIRABLE_UNITS) {
            warnings.add(Caution.general("only " + pairable + " units have two or more ratings; with fewer than "
                    + MIN_PAIRABLE_UNITS + " the estimates are unstable and their intervals wide"));
        }
    }

    /** Metrics undefined for the same reason share one caution: "A, B and C are undefined: …". */
    private void undefined(List<Metric> metrics, double[] estimates) {
        Map<String, List<Metric>> byReason = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            if (Double.isNaN(estimates[metric.ordinal()])) {
                byReason.computeIfAbsent(reason(metric), reason -> new ArrayList<>()).add(metric);
            }
        }
        byReason.forEach((reason, undefined) -> warnings.add((shown, name) -> {
            List<String> names = undefined.stream().filter(shown::contains).map(name).toList();
            return names.isEmpty() ? null
                    : listed(names) + (names.size() == 1 ? " is" : " are") + " undefined: " + reason
                            + "; reported as null";
        }));
    }

    /** "a", "a and b", "a, b and c". */
    static String listed(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private String reason(Metric metric) {
        int[] counts = categoryCounts();
        int used = 0;
        int only = -1;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                used++;
                only = c;
            }
        }
        if (statistics.units == 0 || java.util.Arrays.stream(statistics.size).noneMatch(m -> m >= 2)) {
            return "no unit has two or more ratings";
        }
        if (metric.needsExactlyTwoRaters() && PairedRatings.of(table, 0, 1).total() == 0) {
            return "the two raters have no unit in common";
        }
        if (used == 1) {
            return "every rating is " + categoryName(only) + ", so chance agreement is 1";
        }
        if (metric == Metric.GWET_AC && table.categoryCount() < 2) {
            return "it needs at least two categories";
        }
        return "chance agreement is 1 for these marginals";
    }

    private void prevalence(List<Metric> metrics, double[] estimates) {
        double pa = estimates[Metric.PERCENT_AGREEMENT.ordinal()];
        if (Double.isNaN(pa) || pa < HIGH_AGREEMENT) {
            return;
        }
        int[] counts = categoryCounts();
        int dominant = 0;
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > counts[dominant]) {
                dominant = c;
            }
        }
        double share = (double) counts[dominant] / table.ratingCount();
        if (share < DOMINANT_SHARE) {
            return;
        }
        List<Metric> low = new ArrayList<>();
        for (Metric metric : metrics) {
            double value = estimates[metric.ordinal()];
            if (metric.usesMarginals() && !Double.isNaN(value) && value < LOW_KAPPA) {
                low.add(metric);
            }
        }
        if (low.isEmpty()) {
            return;
        }
        double ac = estimates[Metric.GWET_AC.ordinal()];
        String dominating = categoryName(dominant);
        warnings.add((shown, name) -> {
            String lowShown = low.stream().filter(shown::contains)
                    .map(metric -> name.apply(metric) + " = " + format(estimates[metric.ordinal()]))
                    .collect(Collectors.joining(", "));
            return lowShown.isEmpty() ? null : "prevalence paradox: raters agree on " + percent(pa) + " of pairs but "
                    + lowShown + ", because " + dominating + " holds " + percent(share)
                    + " of ratings; marginal-based coefficients are low when one category dominates"
                    + (Double.isNaN(ac) || !shown.contains(Metric.GWET_AC) ? ""
                            : " (" + name.apply(Metric.GWET_AC) + " = " + format(ac) + ")");
        });
    }

    private void undefinedInResamples(List<Metric> metrics, double[] estimates, double[][] resamples) {
        for (Metric metric : metrics) {
            if (Double.isNaN(estimates[metric.ordinal()])) {
                continue;
            }
            undefinedInResamples("", resamples, metric.ordinal()).ifPresent(text -> warnings.add(
                    (shown, name) -> shown.contains(metric) ? name.apply(metric) + text : null));
        }
    }

    /**
     * Kappa per category (or per option, for sets) that the data define but some resamples do not: a rare category
     * is missing from many resamples, so its interval rests on fewer of them than the headline's.
     *
     * @param offset index of the first category's kappa in each resample
     */
    static List<String> categoriesUndefinedInResamples(RatingTable table, List<CategoryAgreement> categories,
                                                       double[][] resamples, int offset) {
        if (resamples == null) {
            return List.of();
        }
        String noun = table.level() == MeasurementLevel.SET ? "option" : "category";
        List<String> found = new ArrayList<>();
        for (int j = 0; j < categories.size(); j++) {
            if (categories.get(j).kappa() != null) {
                undefinedInResamples("kappa of " + noun + " '" + categories.get(j).label() + "'", resamples,
                        offset + j).ifPresent(found::add);
            }
        }
        return found;
    }

    /** "X is undefined in K of N bootstrap resamples", when K > 0. */
    static java.util.Optional<String> undefinedInResamples(String what, double[][] resamples, int index) {
        long undefined = java.util.Arrays.stream(resamples).filter(r -> Double.isNaN(r[index])).count();
        return undefined == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(what + " is undefined in " + undefined + " of " + resamples.length
                        + " bootstrap resamples; its interval uses the others");
    }

    /** 'refusal', or for sets the empty one by what it means. */
    private String categoryName(int category) {
        String label = table.categories().get(category);
        return label.isEmpty() && table.level() == MeasurementLevel.SET ? "the empty set (nothing chosen)"
                : "'" + label + "'";
    }

    private int[] categoryCounts() {
        int[] counts = new int[table.categoryCount()];
        for (int j = 0; j < table.ratingCount(); j++) {
            counts[table.categoryOf[j]]++;
        }
        return counts;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
