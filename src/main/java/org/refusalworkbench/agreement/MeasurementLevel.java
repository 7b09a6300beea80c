package org.refusalworkbench.agreement;

import java.util.Locale;

/** How rating values relate to each other; decides Krippendorff's distance and the weights of the kappa family. */
public enum MeasurementLevel {
    /** Unordered labels. */
    NOMINAL,
    /** Ordered labels: numbers, or names ordered by an explicit category list. */
    ORDINAL,
    /** Numbers whose differences are meaningful. */
    INTERVAL,
    /** Non-negative numbers whose ratios are meaningful. */
    RATIO,
    /** A subset of options, as chosen in a checkbox group. */
    SET;

    /** Parses {@code nominal}, {@code ordinal}, ... case-insensitively. */
    public static MeasurementLevel parse(String text) {
        for (MeasurementLevel level : values()) {
            if (level.name().equalsIgnoreCase(text.trim())) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown level '" + text + "' (expected nominal, ordinal, interval, ratio or set)");
    }

    /** Lower-case name as used on the command line and in JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isNumeric() {
        return this == ORDINAL || this == INTERVAL || this == RATIO;
    }
}
