package org.refusalworkbench.cli;

import java.util.List;

import org.refusalworkbench.export.SpreadsheetCell;
import org.refusalworkbench.report.LongTable;

/**
 * A report's long table as CSV (RFC 4180, LF line ends, a header row, nothing after the last row). Numbers are
 * written in full precision (shortest round-trip form) and never get the spreadsheet formula guard, since a
 * negative kappa must stay a number; text does, unless {@code --raw-cells}.
 */
final class LongTableCsv {

    private LongTableCsv() {
    }

    static String render(LongTable table, boolean raw) {
        StringBuilder csv = new StringBuilder();
        line(csv, List.copyOf(table.columns()), raw);
        for (List<Object> row : table.rows()) {
            line(csv, row, raw);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<?> cells, boolean raw) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object cell = cells.get(i);
            if (cell instanceof Number number) {
                csv.append(number);
            } else if (cell != null) {
                csv.append(SpreadsheetCell.of(cell.toString(), raw));
            }
        }
        csv.append('\n');
    }
}
