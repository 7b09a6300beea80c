package org.refusalworkbench.export;

/**
 * What to export. {@code annotator} limits the export to that person's labels and intent labels (and the
 * adjudications they made as reviewer); {@code goldOnly} to adjudications.
 *
 * @param table    the file format of a table export (the label table)
 * @param rawCells write CSV cells as they are, without the guard against spreadsheet formulas, for programs
 */
public record ExportOptions(ExportFormat format, String annotator, boolean goldOnly, TableFile table,
                            boolean rawCells) {

    /** The file formats a flat table is written in. */
    public enum TableFile {
        JSONL, CSV, PARQUET
    }

    public ExportOptions(ExportFormat format, String annotator, boolean goldOnly) {
        this(format, annotator, goldOnly, TableFile.JSONL, false);
    }

    public static ExportOptions everything(ExportFormat format) {
        return new ExportOptions(format, null, false);
    }

    boolean includesAnnotations() {
        return !goldOnly;
    }
}
