package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A report as one tidy table: one row per figure, the figure's coordinates in the first columns and its value,
 * interval and count in the last, so pandas, R or a spreadsheet reads it without reshaping. Cells are text,
 * numbers or null (not defined for the data, never NaN).
 */
public record LongTable(List<String> columns, List<List<Object>> rows) {

    public LongTable {
        columns = List.copyOf(columns);
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of "
                        + columns.size() + " columns");
            }
        }
        rows = List.copyOf(rows);
    }

    /** Collects rows for a table of the given columns. */
    static final class Builder {
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        Builder(String... columns) {
            this.columns = List.of(columns);
        }

        void add(Object... cells) {
            rows.add(java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(cells))));
        }

        LongTable build() {
            return new LongTable(columns, rows);
        }
    }
}
