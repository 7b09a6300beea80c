package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.refusalworkbench.agreement.AgreementReport;
import org.refusalworkbench.agreement.ConfidenceInterval;
import org.refusalworkbench.agreement.InvalidRatingException;
import org.refusalworkbench.agreement.MeasurementLevel;
import org.refusalworkbench.agreement.Metric;
import org.refusalworkbench.agreement.RatingTable;
import org.refusalworkbench.agreement.ReportOptions;

/** {@link AgreementMeasures} answered by the agreement engine: 1,000 bootstrap resamples, seed 1, MASI for sets. */
public final class EngineAgreementMeasures implements AgreementMeasures {

    private static final String PAIRWISE = "cohen_kappa";

    private final ReportOptions options;

    public EngineAgreementMeasures() {
        this(ReportOptions.defaults());
    }

    public EngineAgreementMeasures(ReportOptions options) {
        this.options = options;
    }

    @Override
    public AgreementMeasures withoutIntervals() {
        return options.bootstrapResamples() == 0 ? this : new EngineAgreementMeasures(options.withBootstrap(0));
    }

    @Override
    public Measured measure(RatingSet ratings, boolean withIntervals) {
        List<String> raters = ratings.ratings().stream().map(Rating::rater).distinct().toList();
        if (raters.size() < 2) {
            return new Measured(List.of(), 0, List.of(raters.isEmpty() ? "no answers to compare yet"
                    : "only " + raters.get(0) + " answered this so far; agreement needs two annotators"));
        }
        RatingTable table;
        try {
            table = table(ratings);
        } catch (InvalidRatingException e) {
            return new Measured(List.of(), 0, List.of(e.getMessage()));
        }
        AgreementReport report = AgreementReport.compute(table, withIntervals ? options : options.withBootstrap(0));
        Metric kappa = table.raterCount() == 2 ? Metric.COHEN_KAPPA : Metric.FLEISS_KAPPA;
        List<Coefficient> coefficients = new ArrayList<>();
        coefficients.add(coefficient(HeadlineMetric.PERCENT.keyFor(ratings.level()), report,
                Metric.PERCENT_AGREEMENT));
        coefficients.add(coefficient(HeadlineMetric.ALPHA.keyFor(ratings.level()), report, Metric.KRIPPENDORFF_ALPHA));
        // The key says which kappa it is: Cohen's and Fleiss' differ, and which one a row holds changes with raters.
        coefficients.add(coefficient(kappa.key(false), report, kappa));
        // A checkbox group is measured with MASI weights, which makes Gwet's coefficient AC2 (docs/agreement.md).
        coefficients.add(coefficient(HeadlineMetric.GWET.keyFor(ratings.level()), report, Metric.GWET_AC));
        int units = 0;
        for (int u = 0; u < table.unitCount(); u++) {
            units += table.ratingsOfUnit(u) >= 2 ? 1 : 0;
        }
        return new Measured(coefficients, units, report.warnings(
                EnumSet.of(Metric.PERCENT_AGREEMENT, Metric.KRIPPENDORFF_ALPHA, kappa, Metric.GWET_AC),
                EngineAgreementMeasures::shownName));
    }

    @Override
    public PairwiseKappa pairwise(RatingSet ratings) {
        try {
            var kappa = org.refusalworkbench.agreement.PairwiseKappa.compute(table(ratings), options);
            int n = kappa.raters().size();
            // Annotators in name order, as everywhere else in a report, not in the order they first rated.
            int[] order = java.util.stream.IntStream.range(0, n).boxed()
                    .sorted(java.util.Comparator.comparing(kappa.raters()::get)).mapToInt(Integer::intValue).toArray();
            Coefficient[][] values = new Coefficient[n][n];
            long[][] shared = new long[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    int i = order[a];
                    int j = order[b];
                    values[a][b] = i == j ? Coefficient.missing(PAIRWISE)
                            : coefficient(PAIRWISE, kappa.kappa(i, j), kappa.standardError(i, j), kappa.ci95(i, j));
                    shared[a][b] = i == j ? 0 : kappa.sharedUnits(i, j);
                }
            }
            List<String> raters = java.util.Arrays.stream(order).mapToObj(kappa.raters()::get).toList();
            return new PairwiseKappa(raters, values, shared);
        } catch (InvalidRatingException e) {
            return new PairwiseKappa(List.of(), new Coefficient[0][0], new long[0][0]);
        }
    }

    /** The names the project views give the metrics they show. */
    private static String shownName(Metric metric) {
        return switch (metric) {
            case PERCENT_AGREEMENT -> "agreement";
            case KRIPPENDORFF_ALPHA -> "Krippendorff's α";
            case COHEN_KAPPA -> "Cohen's κ";
            case FLEISS_KAPPA -> "Fleiss' κ";
            case GWET_AC -> HeadlineMetric.GWET.displayName();
            default -> metric.key(false);
        };
    }

    private static Coefficient coefficient(String key, AgreementReport report, Metric metric) {
        return report.metric(metric)
                .map(result -> coefficient(key, result.value(), result.standardError(), result.ci95()))
                .orElse(Coefficient.missing(key));
    }

    private static Coefficient coefficient(String key, Double value, Double standardError, ConfidenceInterval ci95) {
        return new Coefficient(key, value, standardError, ci95 == null ? null : ci95.lower(),
                ci95 == null ? null : ci95.upper());
    }

    private static RatingTable table(RatingSet ratings) {
        RatingTable.Builder builder = RatingTable.builder(ratings.level() == Level.SET ? MeasurementLevel.SET
                : MeasurementLevel.NOMINAL).categories(ratings.categories());
        for (Rating rating : ratings.ratings()) {
            if (ratings.level() == Level.SET) {
                builder.addSet(rating.unit(), rating.rater(), rating.values());
            } else {
                builder.add(rating.unit(), rating.rater(), rating.values().iterator().next());
            }
        }
        return builder.build();
    }
}
