package org.refusalworkbench.export;

/**
 * One column of a flat table export, typed, so that every file format writes the same columns with the same types
 * and two projects' exports with one taxonomy concatenate in {@code datasets} and pandas.
 *
 * @param nullable whether a row may hold no value; a non-nullable column always has one
 */
public record TableColumn(String name, Type type, boolean nullable) {

    /** The value types a flat table holds; a row's values are {@code String}, {@code Boolean}, {@code Long}, ... */
    public enum Type {
        /** {@link String} */
        STRING,
        /** {@link Boolean} */
        BOOLEAN,
        /** {@link Long} */
        INT64,
        /** {@link Double} */
        DOUBLE,
        /** {@code List<String>} */
        STRING_LIST
    }

    public static TableColumn required(String name, Type type) {
        return new TableColumn(name, type, false);
    }

    public static TableColumn optional(String name, Type type) {
        return new TableColumn(name, type, true);
    }
}
