package org.refusalworkbench.statistics;

/**
 * Probabilities of Binomial(n, ½), the null distribution of the discordant pairs in McNemar's exact test.
 *
 * <p>Each term comes from Loader's saddle-point form (Loader 2000, "Fast and accurate computation of binomial
 * probabilities", the method of R's {@code dbinom} and scipy's {@code binom.pmf}), which has no ½ⁿ to underflow
 * (it does below the smallest double from n = 1075) and none of the cancellation of log-gamma differences, whose
 * error grows with n log n. Tails are summed from the term nearest the mode outwards until a term no longer
 * changes the sum. Checked against scipy and Commons Math to 1e-12; a library for this one distribution would
 * add megabytes to the installer.
 */
final class BinomialTail {

    private static final double LOG_HALF = -Math.log(2);
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);
    private static final double HALF_LOG_TWO_PI = 0.5 * LOG_TWO_PI;

    /** Stirling's error δ(n) = log n! − (n + ½) log n + n − ½ log 2π for n = 0…15, where its series is slow. */
    private static final double[] SMALL_STIRLING_ERRORS = smallStirlingErrors();

    private BinomialTail() {
    }

    /** P(X ≤ k) for X ~ Binomial(n, ½); 1 for k ≥ n, 0 for k &lt; 0. */
    static double lowerTail(long k, long n) {
        if (k < 0) {
            return 0;
        }
        if (k >= n) {
            return 1;
        }
        if (2 * k + 1 > n) {
            // The upper part is the shorter sum: by symmetry P(X ≤ k) = 1 − P(X ≤ n − k − 1).
            return 1 - lowerTail(n - k - 1, n);
        }
        // k is below the mode, so terms fall from j = k downwards: the largest is added first.
        double sum = 0;
        for (long j = k; j >= 0; j--) {
            double term = probability(j, n);
            sum += term;
            if (term <= 1e-18 * sum) {
                break;
            }
        }
        return Math.min(1, sum);
    }

    /** P(X = k) for X ~ Binomial(n, ½). */
    static double probability(long k, long n) {
        if (k < 0 || k > n) {
            return 0;
        }
        if (k == 0 || k == n) {
            return Math.exp(n * LOG_HALF);
        }
        double half = n / 2.0;
        double logCore = stirlingError(n) - stirlingError(k) - stirlingError(n - k)
                - deviance(k, half) - deviance(n - k, half);
        double logScale = LOG_TWO_PI + Math.log(k) + Math.log1p(-(double) k / n);
        return Math.exp(logCore - 0.5 * logScale);
    }

    /** δ(n), by table to 15 and by Stirling's series above, whose first omitted term is below 1e-16 there. */
    static double stirlingError(long n) {
        if (n <= 15) {
            return SMALL_STIRLING_ERRORS[(int) n];
        }
        double nn = (double) n * n;
        double s0 = 1.0 / 12;
        double s1 = 1.0 / 360;
        double s2 = 1.0 / 1260;
        double s3 = 1.0 / 1680;
        double s4 = 1.0 / 1188;
        if (n > 500) {
            return (s0 - s1 / nn) / n;
        }
        if (n > 80) {
            return (s0 - (s1 - s2 / nn) / nn) / n;
        }
        if (n > 35) {
            return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
        }
        return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
    }

    /**
     * The deviance term x log(x / m) + m − x, by its series where x is near m: the direct form would subtract
     * two nearly equal numbers there.
     */
    static double deviance(double x, double m) {
        if (Math.abs(x - m) < 0.1 * (x + m)) {
            double v = (x - m) / (x + m);
            double s = (x - m) * v;
            double term = 2 * x * v;
            double vv = v * v;
            for (int j = 1; j < 1000; j++) {
                term *= vv;
                double next = s + term / (2 * j + 1);
                if (next == s) {
                    return next;
                }
                s = next;
            }
            return s;
        }
        return x * Math.log(x / m) + m - x;
    }

    private static double[] smallStirlingErrors() {
        double[] errors = new double[16];
        double logFactorial = 0;
        // errors[0] stays 0: probability() handles k = 0 and k = n without it
        for (int n = 1; n <= 15; n++) {
            logFactorial += Math.log(n);
            errors[n] = logFactorial - (n + 0.5) * Math.log(n) + n - HALF_LOG_TWO_PI;
        }
        return errors;
    }
}
