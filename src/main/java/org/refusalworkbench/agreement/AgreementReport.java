package org.refusalworkbench.agreement;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Every headline coefficient of a {@link RatingTable} with analytic standard errors, bootstrap
 * percentile intervals and warnings, and per-category agreement with the same; the pairwise Cohen
 * matrix (also with both) and confusion matrices on demand.
 *
 * <pre>{@code
 * RatingTable table = RatingTable.builder(MeasurementLevel.NOMINAL)
 *         .categories(List.of("comply", "refuse", "partial"))
 *         .add("response-1", "alice", "refuse")
 *         .add("response-1", "bob", "refuse")
 *         .build();
 * AgreementReport report = AgreementReport.compute(table, ReportOptions.defaults().withSeed(7));
 * }</pre>
 */
public final class AgreementReport {
    private final RatingTable table;
    private final ReportOptions options;
    private final AgreementWeights weights;
    private final List<MetricResult> metrics;
    private final List<CategoryAgreement> perCategory;
    private final List<ReliabilityWarnings.Caution> warnings;
    private final List<String> categoryWarnings;
    private PairwiseKappa pairwise;

    private AgreementReport(RatingTable table, ReportOptions options, AgreementWeights weights,
                            List<MetricResult> metrics, List<CategoryAgreement> perCategory,
                            List<ReliabilityWarnings.Caution> warnings,
                            List<String> categoryWarnings) {
        this.table = table;
        this.options = options;
        this.weights = weights;
        this.metrics = metrics;
        this.perCategory = perCategory;
        this.warnings = warnings;
        this.categoryWarnings = categoryWarnings;
    }

    public static AgreementReport compute(RatingTable table) {
        return compute(table, ReportOptions.defaults());
    }

    public static AgreementReport compute(RatingTable table, ReportOptions options) {
        AgreementWeights weights = options.weights().build(table, options.setDistance());
        UnitStatistics statistics = new UnitStatistics(table, weights, options.setDistance());
        CoefficientEstimator estimator = new CoefficientEstimator(statistics, weights);
        CategorySums categorySums = new CategorySums(estimator.categories());
        double[] estimates = estimator.estimate(null, categorySums);
        double[] errors = new StandardErrors(statistics, weights).compute(estimates);
        double[][] resamples = options.bootstrapResamples() > 0
                ? Bootstrap.resample(estimator, table.unitCount(), options.bootstrapResamples(), options.seed())
                : null;
        boolean weighted = !weights.isIdentityScheme();
        List<Metric> applicable = applicableMetrics(table);
        List<MetricResult> results = new ArrayList<>();
        for (Metric metric : applicable) {
            int m = metric.ordinal();
            results.add(new MetricResult(metric, metric.key(weighted), orNull(estimates[m]), orNull(errors[m]),
                    resamples == null ? null : Bootstrap.percentileInterval(resamples, m)));
        }
        List<CategoryAgreement> perCategory = CategoryAgreement.of(categorySums, resamples,
                CoefficientEstimator.METRICS);
        List<ReliabilityWarnings.Caution> warnings = ReliabilityWarnings.collect(table, statistics, applicable,
                estimates, resamples);
        List<String> categoryWarnings = List.copyOf(ReliabilityWarnings.categoriesUndefinedInResamples(table,
                perCategory, resamples, CoefficientEstimator.METRICS));
        return new AgreementReport(table, options, weights, List.copyOf(results), perCategory, warnings,
                categoryWarnings);
    }

    /**
     * As {@link #compute(RatingTable, ReportOptions)}, with the pairwise Cohen matrix computed on a second thread
     * meanwhile, for callers that always show it (the two take about as long as each other on a large table).
     */
    public static AgreementReport computeWithPairwise(RatingTable table, ReportOptions options) {
        CompletableFuture<PairwiseKappa> pairwise = CompletableFuture.supplyAsync(
                () -> PairwiseKappa.compute(table, options));
        AgreementReport report = compute(table, options);
        try {
            PairwiseKappa matrix = pairwise.join();
            synchronized (report) {
                report.pairwise = matrix;
            }
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
        return report;
    }

    private static List<Metric> applicableMetrics(RatingTable table) {
        List<Metric> metrics = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (!metric.needsExactlyTwoRaters() || table.raterCount() == 2) {
                metrics.add(metric);
            }
        }
        return metrics;
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    public RatingTable table() {
        return table;
    }

    public ReportOptions options() {
        return options;
    }

    /** The agreement weights used by weighted kappa, AC2 and the weighted percent agreement. */
    public AgreementWeights weights() {
        return weights;
    }

    /**
     * True when the level (or the weight scheme asked for) weights categories, i.e. AC2 rather than AC1 is
     * reported: also when the weights reduce to the identity on two categories, where AC2 equals AC1.
     */
    public boolean weighted() {
        return !weights.isIdentityScheme();
    }

    /** Headline coefficients in {@link Metric} order; Cohen's kappa and Scott's pi only for two raters. */
    public List<MetricResult> metrics() {
        return metrics;
    }

    public Optional<MetricResult> metric(Metric metric) {
        return metrics.stream().filter(r -> r.metric() == metric).findFirst();
    }

    /**
     * Cautions about the headline metrics: undefined values, too few units, the prevalence paradox; metrics named
     * by their JSON keys.
     */
    public List<String> warnings() {
        boolean weighted = !weights.isIdentityScheme();
        return warnings(EnumSet.allOf(Metric.class), metric -> metric.key(weighted));
    }

    /**
     * The same cautions for a reader shown only the metrics in {@code shown}, named by {@code name}: cautions about
     * none of them are left out.
     */
    public List<String> warnings(Set<Metric> shown, Function<Metric, String> name) {
        return warnings.stream().map(caution -> caution.render(shown, name)).filter(Objects::nonNull).toList();
    }

    /** Categories (options, for sets) whose kappa the data define but some bootstrap resamples do not. */
    public List<String> categoryWarnings() {
        return categoryWarnings;
    }

    /**
     * Agreement per category, or per option for checkbox groups, each as a binary variable, with intervals
     * from the same resamples as the headline metrics.
     */
    public List<CategoryAgreement> perCategory() {
        return perCategory;
    }

    /**
     * Cohen's kappa of every rater pair, weighted with this report's weights. Computed on first use, since
     * its cost grows with the square of the raters; its bootstrap redraws exactly the resamples of the
     * headline metrics (same seed, same units).
     */
    public synchronized PairwiseKappa pairwiseCohenKappa() {
        if (pairwise == null) {
            pairwise = PairwiseKappa.compute(table, options);
        }
        return pairwise;
    }

    /** Cohen's kappa of two raters with the given weights (e.g. {@link AgreementWeights#quadratic}); null if undefined. */
    public Double cohenKappa(String firstRater, String secondRater, AgreementWeights kappaWeights) {
        double value = PairedRatings.of(table, raterIndex(firstRater), raterIndex(secondRater)).cohenKappa(kappaWeights.matrix());
        return orNull(value);
    }

    public ConfusionMatrix confusionMatrix(String firstRater, String secondRater) {
        return ConfusionMatrix.of(table, raterIndex(firstRater), raterIndex(secondRater));
    }

    private int raterIndex(String rater) {
        int index = table.raterIndex(rater);
        if (index < 0) {
            throw new IllegalArgumentException("unknown rater '" + rater + "'");
        }
        return index;
    }
}
