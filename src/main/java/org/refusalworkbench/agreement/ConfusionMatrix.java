package org.refusalworkbench.agreement;

import java.util.List;

/**
 * Counts of units by the category each of two raters gave (rows: first rater, columns: second), over
 * the units both rated.
 */
public final class ConfusionMatrix {
    private final String firstRater;
    private final String secondRater;
    private final List<String> categories;
    private final long[][] counts;

    ConfusionMatrix(String firstRater, String secondRater, List<String> categories, long[][] counts) {
        this.firstRater = firstRater;
        this.secondRater = secondRater;
        this.categories = categories;
        this.counts = counts;
    }

    static ConfusionMatrix of(RatingTable table, int first, int second) {
        int q = table.categoryCount();
        long[][] counts = new long[q][q];
        PairedRatings pair = PairedRatings.of(table, first, second);
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                counts[k][l] = (long) pair.count(k, l);
            }
        }
        return new ConfusionMatrix(table.raterKey(first), table.raterKey(second), table.categories(), counts);
    }

    public String firstRater() {
        return firstRater;
    }

    public String secondRater() {
        return secondRater;
    }

    public List<String> categories() {
        return categories;
    }

    /** Units the first rater put in category {@code row} and the second in {@code column}. */
    public long count(int row, int column) {
        return counts[row][column];
    }

    /** Number of units both raters rated. */
    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long c : row) {
                total += c;
            }
        }
        return total;
    }
}
