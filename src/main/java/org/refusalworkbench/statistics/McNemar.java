package org.refusalworkbench.statistics;

/**
 * McNemar's exact test on paired binary outcomes: under the null hypothesis of equal rates, each of the
 * {@code b + c} discordant pairs is as likely to favour either side, so the smaller count is Binomial(b + c, ½).
 *
 * @param exactP the two-sided exact p-value, 2·P(X ≤ min(b, c)) capped at 1 (statsmodels' {@code mcnemar(exact=True)})
 * @param midP   the mid-p-value, the exact p less the probability of the observed count, 2·P(X ≤ k) − P(X = k),
 *               which keeps closer to the nominal size than the conservative exact test (Fagerland, Lydersen and
 *               Laake 2013)
 */
public record McNemar(long firstOnly, long secondOnly, double exactP, double midP) {

    /**
     * The test from the two discordant counts: pairs where only the first side had the outcome and pairs where
     * only the second did. Without discordant pairs there is no evidence either way: both p-values are 1.
     */
    public static McNemar test(long firstOnly, long secondOnly) {
        if (firstOnly < 0 || secondOnly < 0) {
            throw new IllegalArgumentException("negative counts: " + firstOnly + ", " + secondOnly);
        }
        long n = firstOnly + secondOnly;
        long k = Math.min(firstOnly, secondOnly);
        if (n == 0) {
            return new McNemar(firstOnly, secondOnly, 1, 1);
        }
        double tail = BinomialTail.lowerTail(k, n);
        double exact = Math.min(1, 2 * tail);
        double mid = Math.min(1, 2 * tail - BinomialTail.probability(k, n));
        return new McNemar(firstOnly, secondOnly, exact, mid);
    }
}
