package org.refusalworkbench.export;

import java.util.List;

/** Checks a row against its table's columns, so that no file format ever writes a column of two types. */
final class TableRows {

    private TableRows() {
    }

    static void check(List<TableColumn> columns, Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + values.length + " values for " + columns.size()
                    + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            TableColumn column = columns.get(i);
            Object value = values[i];
            if (value == null) {
                if (!column.nullable()) {
                    throw new IllegalArgumentException("column " + column.name() + " needs a value");
                }
                continue;
            }
            boolean fits = switch (column.type()) {
                case STRING -> value instanceof String;
                case BOOLEAN -> value instanceof Boolean;
                case INT64 -> value instanceof Long;
                case DOUBLE -> value instanceof Double;
                case STRING_LIST -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
            };
            if (!fits) {
                throw new IllegalArgumentException("column " + column.name() + " holds " + column.type() + ", not "
                        + value.getClass().getSimpleName());
            }
        }
    }
}
