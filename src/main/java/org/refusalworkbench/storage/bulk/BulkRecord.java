package org.refusalworkbench.storage.bulk;

import java.util.List;

import org.refusalworkbench.domain.SafetyLabel;

/**
 * One input record as the import hands it to the writer, validated and with its content ids computed. An interface
 * rather than a record of its own, so the import's own record object is written as it is: a million-line import
 * makes no second object per line.
 */
public interface BulkRecord {

    /** The file the record was read from, as named in messages. */
    String file();

    long line();

    byte[] promptUid();

    byte[] responseUid();

    String promptExternalId();

    String promptText();

    String category();

    SafetyLabel safety();

    String responseExternalId();

    String model();

    int sample();

    /** The response's text, or {@code null} for a transcript. */
    String responseText();

    /** The transcript as JSON, or {@code null} for a response with text. */
    String transcriptJson();

    String metaJson();

    List<? extends BulkLabel> responseLabels();

    List<? extends BulkLabel> promptLabels();

    /** The gold label, or {@code null}. */
    BulkLabel gold();
}
