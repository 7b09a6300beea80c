package org.refusalworkbench.agreement;

/**
 * Cohen's kappa of two raters on nominal categories straight from their pairs' cells, for callers that already hold
 * one cell per unit (a judge against a reference on a million responses): no rating table, no unit names, and only
 * this one coefficient. The value and its standard error are {@link PairedRatings}' (Fleiss, Cohen &amp; Everitt
 * 1969), and the bootstrap draws the same resamples as {@link AgreementReport} for the same seed and unit order, so
 * the two agree exactly.
 */
public final class PairedKappa {

    /** The estimate, its standard error and the bootstrap's percentile interval; NaN or null where undefined. */
    public record Estimate(double value, double standardError, ConfidenceInterval ci95) {
    }

    private PairedKappa() {
    }

    /**
     * @param cells each unit's cell, {@code first * categories + second}, in unit order
     * @param categories how many categories both raters choose from
     */
    public static Estimate of(int[] cells, int categories, ReportOptions options) {
        double[][] identity = identity(categories);
        PairedRatings pairs = new PairedRatings(counts(cells, categories, null), categories);
        double value = pairs.cohenKappa(identity);
        double error = pairs.cohenStandardError(identity);
        ConfidenceInterval interval = null;
        if (options.bootstrapResamples() > 0 && cells.length > 0) {
            double[][] resamples = Bootstrap.resample(multiplicity -> new double[] {new PairedRatings(
                    counts(cells, categories, multiplicity), categories).cohenKappa(identity)}, cells.length,
                    options.bootstrapResamples(), options.seed());
            interval = Bootstrap.percentileInterval(resamples, 0);
        }
        return new Estimate(value, error, interval);
    }

    private static double[] counts(int[] cells, int categories, int[] multiplicity) {
        double[] counts = new double[categories * categories];
        for (int unit = 0; unit < cells.length; unit++) {
            counts[cells[unit]] += multiplicity == null ? 1 : multiplicity[unit];
        }
        return counts;
    }

    private static double[][] identity(int categories) {
        double[][] weights = new double[categories][categories];
        for (int k = 0; k < categories; k++) {
            weights[k][k] = 1;
        }
        return weights;
    }
}
