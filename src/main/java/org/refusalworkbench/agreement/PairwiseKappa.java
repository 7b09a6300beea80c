package org.refusalworkbench.agreement;

import java.util.List;

/**
 * Cohen's kappa for every pair of raters, over the units each pair shares, with the Fleiss, Cohen &amp;
 * Everitt (1969) standard error and a bootstrap percentile interval; diagonal entries are null. The
 * interval comes from the report's resamples of all units: in each, the pair's kappa is computed over the
 * drawn units both raters rated.
 */
public final class PairwiseKappa {
    private final List<String> raters;
    private final Double[][] kappa;
    private final Double[][] standardError;
    private final ConfidenceInterval[][] ci95;
    private final long[][] sharedUnits;
    private final List<String> warnings;

    private PairwiseKappa(List<String> raters, Double[][] kappa, Double[][] standardError, ConfidenceInterval[][] ci95,
                          long[][] sharedUnits, List<String> warnings) {
        this.raters = raters;
        this.kappa = kappa;
        this.standardError = standardError;
        this.ci95 = ci95;
        this.sharedUnits = sharedUnits;
        this.warnings = warnings;
    }

    /**
     * Every pair with the options' weights, and with its bootstrap intervals unless the options turn the
     * bootstrap off. The resamples are those of {@link AgreementReport#compute} for the same options.
     */
    public static PairwiseKappa compute(RatingTable table, ReportOptions options) {
        PairwiseEstimator estimator = new PairwiseEstimator(table, options.weights().build(table, options.setDistance()));
        double[][] resamples = options.bootstrapResamples() > 0
                ? Bootstrap.resample(estimator, table.unitCount(), options.bootstrapResamples(), options.seed())
                : null;
        return of(table, estimator, resamples);
    }

    /** @param resamples the estimator's kappas per bootstrap resample, or null without bootstrap */
    private static PairwiseKappa of(RatingTable table, PairwiseEstimator estimator, double[][] resamples) {
        int r = table.raterCount();
        Double[][] kappa = new Double[r][r];
        Double[][] standardError = new Double[r][r];
        ConfidenceInterval[][] ci95 = new ConfidenceInterval[r][r];
        long[][] shared = new long[r][r];
        double[] tables = estimator.tables(null);
        List<String> warnings = new java.util.ArrayList<>();
        for (int a = 0; a < r; a++) {
            for (int b = a + 1; b < r; b++) {
                int p = estimator.pair(a, b);
                PairedRatings pair = estimator.pairedRatings(tables, p);
                kappa[a][b] = orNull(pair.cohenKappa(estimator.weights()));
                standardError[a][b] = orNull(pair.cohenStandardError(estimator.weights()));
                ci95[a][b] = resamples == null ? null : Bootstrap.percentileInterval(resamples, p);
                if (resamples != null && kappa[a][b] != null) {
                    ReliabilityWarnings.undefinedInResamples("Cohen's kappa of '" + table.raterKey(a) + "' and '"
                            + table.raterKey(b) + "'", resamples, p).ifPresent(warnings::add);
                }
                shared[a][b] = (long) pair.total();
                kappa[b][a] = kappa[a][b];
                standardError[b][a] = standardError[a][b];
                ci95[b][a] = ci95[a][b];
                shared[b][a] = shared[a][b];
            }
        }
        return new PairwiseKappa(table.raterKeys(), kappa, standardError, ci95, shared, List.copyOf(warnings));
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    public List<String> raters() {
        return raters;
    }

    /** Kappa of raters i and j, null if undefined or i == j. */
    public Double kappa(int i, int j) {
        return kappa[i][j];
    }

    /** Its standard error, null if undefined (fewer than two shared units, undefined kappa) or i == j. */
    public Double standardError(int i, int j) {
        return standardError[i][j];
    }

    /** Its bootstrap 95% interval, null without bootstrap, when no resample defines the kappa, or i == j. */
    public ConfidenceInterval ci95(int i, int j) {
        return ci95[i][j];
    }

    public long sharedUnits(int i, int j) {
        return sharedUnits[i][j];
    }

    /** Pairs whose kappa the data define but some bootstrap resamples do not (few shared units, say). */
    public List<String> warnings() {
        return warnings;
    }
}
