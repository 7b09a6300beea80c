package org.refusalworkbench.export;

import java.util.Locale;

/** What an export writes: the label file itself, a spreadsheet, or preference pairs for training. */
public enum ExportFormat {
    JSONL, CSV, PREFERENCE;

    public static ExportFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown export format '" + name + "' (use jsonl, csv or preference)");
        }
    }

    public String fileExtension() {
        return this == CSV ? ".csv" : ".jsonl";
    }
}
