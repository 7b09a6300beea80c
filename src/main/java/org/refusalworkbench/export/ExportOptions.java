package org.refusalworkbench.export;

/**
 * What to export. {@code annotator} limits the export to that person's labels and intent labels (and the
 * adjudications they made as reviewer); {@code goldOnly} to adjudications.
 */
public record ExportOptions(ExportFormat format, String annotator, boolean goldOnly) {

    public static ExportOptions everything(ExportFormat format) {
        return new ExportOptions(format, null, false);
    }

    boolean includesAnnotations() {
        return !goldOnly;
    }
}
