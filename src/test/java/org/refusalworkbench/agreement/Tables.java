package org.refusalworkbench.agreement;

import java.util.List;

/** Builds rating tables for tests from units × raters grids, with null for a missing rating. */
final class Tables {
    private Tables() {
    }

    /** rows[u][g] is rater g's value for unit u, or null. Raters are named r1, r2, ... */
    static RatingTable grid(MeasurementLevel level, String[][] rows) {
        return grid(level, rows, null);
    }

    static RatingTable grid(MeasurementLevel level, String[][] rows, List<String> categories) {
        RatingTable.Builder builder = RatingTable.builder(level);
        if (categories != null) {
            builder.categories(categories);
        }
        for (int u = 0; u < rows.length; u++) {
            for (int g = 0; g < rows[u].length; g++) {
                if (rows[u][g] != null) {
                    builder.add("u" + (u + 1), "r" + (g + 1), rows[u][g]);
                }
            }
        }
        return builder.build();
    }

    /** Same grid given rater by rater (columns), the layout of Krippendorff's reliability data matrices. */
    static RatingTable byRater(MeasurementLevel level, String... raterRows) {
        String[][] split = new String[raterRows.length][];
        for (int g = 0; g < raterRows.length; g++) {
            split[g] = raterRows[g].trim().split("\\s+");
        }
        int units = split[0].length;
        String[][] rows = new String[units][raterRows.length];
        for (int u = 0; u < units; u++) {
            for (int g = 0; g < raterRows.length; g++) {
                rows[u][g] = split[g][u].equals(".") ? null : split[g][u];
            }
        }
        return grid(level, rows);
    }

    /** Two raters from a contingency table: counts[i][j] units got labels.get(i) from r1 and labels.get(j) from r2. */
    static RatingTable fromContingency(MeasurementLevel level, List<String> labels, int[][] counts) {
        RatingTable.Builder builder = RatingTable.builder(level).categories(labels);
        int unit = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts[i].length; j++) {
                for (int c = 0; c < counts[i][j]; c++) {
                    unit++;
                    builder.add("u" + unit, "r1", labels.get(i));
                    builder.add("u" + unit, "r2", labels.get(j));
                }
            }
        }
        return builder.build();
    }

    static double value(AgreementReport report, Metric metric) {
        return report.metric(metric).orElseThrow().value();
    }

    static Double standardError(AgreementReport report, Metric metric) {
        return report.metric(metric).orElseThrow().standardError();
    }

    static AgreementReport report(RatingTable table) {
        return AgreementReport.compute(table, ReportOptions.defaults().withBootstrap(0));
    }
}
