package org.refusalworkbench.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A flat table as CSV: the header, then one line a row; booleans as {@code true}/{@code false}, an absent value as
 * an empty cell, a list as its items joined by {@code |}. Text cells get the spreadsheet formula guard unless
 * {@code raw}.
 */
final class CsvTableSink implements TableSink {

    private final List<TableColumn> columns;
    private final OutputStream out;
    private final boolean raw;

    CsvTableSink(OutputStream out, List<TableColumn> columns, boolean raw) throws IOException {
        this.columns = List.copyOf(columns);
        this.out = out;
        this.raw = raw;
        write(columns.stream().map(column -> SpreadsheetCell.of(column.name(), true)).collect(Collectors.joining(",")));
    }

    @Override
    public List<TableColumn> columns() {
        return columns;
    }

    @Override
    public void row(Object... values) throws IOException {
        TableRows.check(columns, values);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values[i];
            if (value instanceof String text) {
                line.append(SpreadsheetCell.of(text, raw));
            } else if (value instanceof List<?> list) {
                line.append(SpreadsheetCell.of(list.stream().map(String.class::cast).collect(Collectors.joining("|")),
                        raw));
            } else if (value != null) {
                line.append(value);
            }
        }
        write(line.toString());
    }

    private void write(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
