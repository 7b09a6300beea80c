package org.refusalworkbench.agreement;

import java.util.SplittableRandom;

/** Seeded random units × raters grids for property tests; null marks a missing rating. */
final class RandomRatings {
    private RandomRatings() {
    }

    /**
     * Values "1".."categories", skewed towards low values so marginals are uneven; every unit keeps at least
     * one rating and every category and rater occurs at least once.
     */
    static String[][] grid(long seed, int units, int raters, int categories, double missing) {
        SplittableRandom random = new SplittableRandom(seed);
        while (true) {
            String[][] rows = new String[units][raters];
            for (int u = 0; u < units; u++) {
                int truth = skewed(random, categories);
                for (int g = 0; g < raters; g++) {
                    if (random.nextDouble() < missing) {
                        continue;
                    }
                    int value = random.nextDouble() < 0.6 ? truth : skewed(random, categories);
                    rows[u][g] = Integer.toString(value);
                }
                if (java.util.Arrays.stream(rows[u]).allMatch(java.util.Objects::isNull)) {
                    rows[u][random.nextInt(raters)] = Integer.toString(truth);
                }
            }
            if (coversAll(rows, raters, categories)) {
                return rows;
            }
        }
    }

    private static int skewed(SplittableRandom random, int categories) {
        double x = random.nextDouble();
        return 1 + (int) (categories * x * x);
    }

    private static boolean coversAll(String[][] rows, int raters, int categories) {
        boolean[] rater = new boolean[raters];
        boolean[] category = new boolean[categories + 1];
        for (String[] row : rows) {
            for (int g = 0; g < raters; g++) {
                if (row[g] != null) {
                    rater[g] = true;
                    category[Integer.parseInt(row[g])] = true;
                }
            }
        }
        for (boolean seen : rater) {
            if (!seen) {
                return false;
            }
        }
        for (int c = 1; c <= categories; c++) {
            if (!category[c]) {
                return false;
            }
        }
        return true;
    }

    /** Random option subsets of {a, b, c, d}, correlated across raters. */
    static String[][] sets(long seed, int units, int raters, double missing) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] options = {"a", "b", "c", "d"};
        String[][] rows = new String[units][raters];
        for (int u = 0; u < units; u++) {
            int truth = 1 + random.nextInt(15);
            for (int g = 0; g < raters; g++) {
                if (g > 0 && random.nextDouble() < missing) {
                    continue;
                }
                int mask = random.nextDouble() < 0.5 ? truth : truth ^ (1 << random.nextInt(4));
                StringBuilder set = new StringBuilder();
                for (int o = 0; o < 4; o++) {
                    if ((mask & (1 << o)) != 0) {
                        set.append(set.length() == 0 ? "" : "|").append(options[o]);
                    }
                }
                rows[u][g] = set.toString();
            }
        }
        return rows;
    }

    static RatingTable setTable(String[][] rows) {
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.SET);
        for (int u = 0; u < rows.length; u++) {
            for (int g = 0; g < rows[u].length; g++) {
                if (rows[u][g] != null) {
                    builder.addSet("u" + u, "r" + g, rows[u][g].isEmpty()
                            ? java.util.List.of() : java.util.List.of(rows[u][g].split("\\|")));
                }
            }
        }
        return builder.build();
    }
}
