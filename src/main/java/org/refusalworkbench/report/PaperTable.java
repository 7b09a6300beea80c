package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table as a paper prints it: a caption that says what the numbers are (n, the interval method, the label
 * source, the precision), a header, and rows of cells already formatted. {@link PaperTableText} writes it as
 * Markdown or as a LaTeX {@code booktabs} table; the machine-readable forms are the JSON and the CSV.
 */
public record PaperTable(String caption, List<Column> columns, List<List<String>> rows) {

    /** A column's header and which way its cells line up. */
    public record Column(String header, boolean numeric) {
    }

    public PaperTable {
        columns = List.copyOf(columns);
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of "
                        + columns.size() + " columns");
            }
        }
        rows = List.copyOf(rows);
    }

    /** Collects rows for a table; a header starting with '#' is a numeric (right-aligned) column. */
    static final class Builder {
        private final String caption;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<String>> rows = new ArrayList<>();

        Builder(String caption, String... headers) {
            this.caption = caption;
            for (String header : headers) {
                columns.add(header.startsWith("#") ? new Column(header.substring(1), true)
                        : new Column(header, false));
            }
        }

        void add(String... cells) {
            rows.add(List.copyOf(Arrays.asList(cells)));
        }

        PaperTable build() {
            return new PaperTable(caption, columns, rows);
        }
    }
}
