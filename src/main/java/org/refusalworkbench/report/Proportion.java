package org.refusalworkbench.report;

/**
 * A rate with its count, denominator and Wilson score 95% interval (Wilson 1927), which unlike the normal
 * approximation stays inside [0, 1] and behaves at rates near 0 or 1 and at small n.
 */
public record Proportion(long count, long n, Double rate, Double low, Double high) {

    private static final double Z = 1.959963984540054;

    public static Proportion of(long count, long n) {
        if (n == 0) {
            return new Proportion(count, 0, null, null, null);
        }
        double p = (double) count / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Proportion(count, n, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
