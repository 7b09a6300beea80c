package org.refusalworkbench.agreement;

import java.util.Locale;

/**
 * Distance between two sets of options (sorted, duplicate-free option indices).
 * Both distances are 0 for identical sets (including two empty sets) and 1 for disjoint ones.
 */
public enum SetDistance {
    /**
     * Passonneau (2006) MASI: {@code 1 - J * M} with J the Jaccard index and M = 1 if the sets are
     * identical, 2/3 if one is a subset of the other, 1/3 if they otherwise overlap, 0 if disjoint.
     * The weights are the exact fractions, not the rounded 0.67/0.33 NLTK uses.
     */
    MASI,
    /** {@code 1 - |A ∩ B| / |A ∪ B|}. */
    JACCARD;

    public static SetDistance parse(String text) {
        for (SetDistance distance : values()) {
            if (distance.name().equalsIgnoreCase(text.trim())) {
                return distance;
            }
        }
        throw new IllegalArgumentException("unknown set distance '" + text + "' (expected masi or jaccard)");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Distance between two sorted arrays of distinct option indices. */
    public double between(int[] a, int[] b) {
        int common = intersectionSize(a, b);
        int union = a.length + b.length - common;
        if (union == 0 || (common == a.length && common == b.length)) {
            return 0.0;
        }
        double jaccard = (double) common / union;
        if (this == JACCARD) {
            return 1.0 - jaccard;
        }
        double monotonicity;
        if (common == a.length || common == b.length) {
            monotonicity = 2.0 / 3.0;
        } else if (common > 0) {
            monotonicity = 1.0 / 3.0;
        } else {
            monotonicity = 0.0;
        }
        return 1.0 - jaccard * monotonicity;
    }

    private static int intersectionSize(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }
}
