package org.refusalworkbench.labelfile;

/**
 * The first record of a label file: what it is, which taxonomy its option ids belong to, and where it came from.
 * {@code annotator} and {@code goldOnly} say which records the export was limited to.
 */
public record LabelFileHeader(int formatVersion, String taxonomyId, String taxonomyVersion, String taxonomyHash,
                              String projectId, String projectName, String exportedAt, String appVersion,
                              String annotator, boolean goldOnly) {

    /** The format's name, the value of the header's {@code format} field. */
    public static final String FORMAT = "refusal-workbench-labels";

    /** The format version this release writes and reads; a reader refuses any other. */
    public static final int VERSION = 1;
}
