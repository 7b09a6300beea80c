package org.refusalworkbench.importing;

/**
 * How to read an import's files.
 *
 * @param format      the files' format, or {@code null} to recognise it from each file's name, header or shape
 * @param model       the model for rows (and XSTest files) that name none; {@code null} to take it from the file
 * @param keepUnknown keep fields the format does not know in {@code meta} instead of refusing the file
 * @param mapping     a mapping file's reading of the rows ({@code --map}), or {@code null}
 */
public record ImportOptions(ImportFormat format, String model, boolean keepUnknown, ImportMapping mapping) {

    public ImportOptions(ImportFormat format, String model, boolean keepUnknown) {
        this(format, model, keepUnknown, null);
    }

    public static ImportOptions recognised() {
        return new ImportOptions(null, null, false);
    }

    public static ImportOptions of(ImportFormat format) {
        return new ImportOptions(format, null, false);
    }

    /** The format to read with: the one named, else the mapping file's, else none (recognise it). */
    ImportFormat chosenFormat() {
        return format != null ? format : mapping != null ? mapping.format() : null;
    }
}
