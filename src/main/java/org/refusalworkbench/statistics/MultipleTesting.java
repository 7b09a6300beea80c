package org.refusalworkbench.statistics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Adjusted p-values for a family of tests, as statsmodels' {@code multipletests} gives them: each adjusted value
 * can be compared with the family-wise level directly. Missing p-values (NaN) take no part and stay NaN.
 */
public final class MultipleTesting {

    private MultipleTesting() {
    }

    /**
     * Holm's step-down adjustment (Holm 1979), which controls the family-wise error rate under any dependence:
     * the i-th smallest of m p-values becomes max over j ≤ i of (m − j + 1)·p₍ⱼ₎, capped at 1.
     */
    public static double[] holm(double[] pValues) {
        int[] order = ascending(pValues);
        int m = order.length;
        double[] adjusted = nanCopy(pValues);
        double running = 0;
        for (int i = 0; i < m; i++) {
            double value = Math.min(1, (m - i) * pValues[order[i]]);
            running = Math.max(running, value);
            adjusted[order[i]] = running;
        }
        return adjusted;
    }

    /**
     * Benjamini and Hochberg's step-up adjustment (1995), which controls the false discovery rate for independent
     * or positively dependent tests: the i-th smallest becomes min over j ≥ i of m·p₍ⱼ₎ / j, capped at 1.
     */
    public static double[] benjaminiHochberg(double[] pValues) {
        int[] order = ascending(pValues);
        int m = order.length;
        double[] adjusted = nanCopy(pValues);
        double running = 1;
        for (int i = m - 1; i >= 0; i--) {
            double value = Math.min(1, m * pValues[order[i]] / (i + 1));
            running = Math.min(running, value);
            adjusted[order[i]] = running;
        }
        return adjusted;
    }

    /** Indices of the defined p-values, smallest first; ties keep their order. */
    private static int[] ascending(double[] pValues) {
        for (double p : pValues) {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("a p-value outside [0, 1]: " + p);
            }
        }
        return java.util.stream.IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i]))
                .boxed().sorted(Comparator.comparingDouble(i -> pValues[i])).mapToInt(Integer::intValue).toArray();
    }

    private static double[] nanCopy(double[] pValues) {
        double[] copy = new double[pValues.length];
        Arrays.fill(copy, Double.NaN);
        return copy;
    }
}
