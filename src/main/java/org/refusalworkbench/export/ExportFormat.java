package org.refusalworkbench.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an export writes: the label file itself, a spreadsheet, preference pairs, TRL's DPO and KTO datasets, or
 * the flat label table.
 */
public enum ExportFormat {
    JSONL, CSV, PREFERENCE, TRL_DPO, TRL_KTO, LABEL_TABLE;

    public static ExportFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown export format '" + name + "' (use " + Arrays.stream(values())
                    .map(ExportFormat::formatName).collect(Collectors.joining(", ")) + ")");
        }
    }

    /** The name {@code --format} takes: {@code trl-dpo}, {@code label-table}, … */
    public String formatName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String fileExtension() {
        return this == CSV ? ".csv" : ".jsonl";
    }
}
