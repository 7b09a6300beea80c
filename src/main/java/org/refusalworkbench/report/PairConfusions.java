package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.refusalworkbench.report.AgreementMeasures.Confusion;
import org.refusalworkbench.report.AgreementMeasures.Level;
import org.refusalworkbench.report.AgreementMeasures.Rating;
import org.refusalworkbench.report.AgreementMeasures.RatingSet;

/**
 * The confusion matrix of every pair of raters on one single-choice variable, counted in one pass while the report
 * is built. The dashboard's picker then only looks a pair up: running the engine again for one pair took seconds on
 * a million responses, on the UI thread.
 *
 * <p>Counts are kept only for pairs that rated a unit in common, so a project with many annotators who rarely
 * overlap stays small. A rating whose value is not one of the categories is not counted; the engine refuses such a
 * table, and the report's coefficients say so in their warnings.
 */
public final class PairConfusions {

    private final List<String> raters;
    private final Map<String, Integer> raterIndex;
    private final List<String> categories;
    /** Key {@code first * raters + second} with first &lt; second; the counts row-major, first rater's category first. */
    private final Map<Integer, long[]> counts;

    private PairConfusions(List<String> raters, Map<String, Integer> raterIndex, List<String> categories,
                           Map<Integer, long[]> counts) {
        this.raters = raters;
        this.raterIndex = raterIndex;
        this.categories = categories;
        this.counts = counts;
    }

    /** Counts every pair of a nominal rating set; the ratings of a unit may come in any order. */
    public static PairConfusions count(RatingSet ratings) {
        if (ratings.level() != Level.NOMINAL) {
            throw new IllegalArgumentException("confusion matrices need single-choice ratings, not " + ratings.level());
        }
        List<String> raters = new ArrayList<>(new TreeSet<>(ratings.ratings().stream().map(Rating::rater).toList()));
        Map<String, Integer> raterIndex = new HashMap<>();
        for (int r = 0; r < raters.size(); r++) {
            raterIndex.put(raters.get(r), r);
        }
        Map<String, Integer> categoryIndex = new HashMap<>();
        for (int c = 0; c < ratings.categories().size(); c++) {
            categoryIndex.put(ratings.categories().get(c), c);
        }
        // Each unit's category per rater (-1: not rated); a unit's ratings need not be next to each other.
        Map<String, int[]> byUnit = new HashMap<>();
        for (Rating rating : ratings.ratings()) {
            Integer category = rating.values().size() == 1 ? categoryIndex.get(rating.values().iterator().next())
                    : null;
            if (category == null) {
                continue;
            }
            int[] given = byUnit.computeIfAbsent(rating.unit(), unit -> {
                int[] none = new int[raters.size()];
                java.util.Arrays.fill(none, -1);
                return none;
            });
            given[raterIndex.get(rating.rater())] = category;
        }
        int q = ratings.categories().size();
        Map<Integer, long[]> counts = new HashMap<>();
        for (int[] given : byUnit.values()) {
            for (int a = 0; a < given.length; a++) {
                if (given[a] < 0) {
                    continue;
                }
                for (int b = a + 1; b < given.length; b++) {
                    if (given[b] >= 0) {
                        counts.computeIfAbsent(a * given.length + b, key -> new long[q * q])[given[a] * q + given[b]]++;
                    }
                }
            }
        }
        return new PairConfusions(List.copyOf(raters), raterIndex, ratings.categories(), counts);
    }

    /**
     * Units by the category {@code first} gave (rows) and {@code second} gave (columns), over the units both rated;
     * all zero for a rater who rated none of this variable.
     */
    public Confusion of(String first, String second) {
        int q = categories.size();
        long[][] matrix = new long[q][q];
        Integer a = raterIndex.get(first);
        Integer b = raterIndex.get(second);
        if (a != null && b != null && !a.equals(b)) {
            boolean swapped = a > b;
            long[] pair = counts.get(swapped ? b * raters.size() + a : a * raters.size() + b);
            if (pair != null) {
                for (int i = 0; i < q; i++) {
                    for (int j = 0; j < q; j++) {
                        matrix[i][j] = swapped ? pair[j * q + i] : pair[i * q + j];
                    }
                }
            }
        }
        return new Confusion(first, second, categories, matrix);
    }
}
