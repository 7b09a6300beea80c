package org.refusalworkbench.importing;

import java.util.List;

import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.storage.bulk.BulkRecord;

/**
 * A record with everything that needs no database done already (validation, content ids), so that work runs on
 * a second core while the writer thread inserts.
 *
 * @param content the response's text, or its transcript as JSON: what the response's content id is made of
 */
record PreparedRecord(ResponseRecord record, String file, byte[] promptUid, byte[] responseUid, String content)
        implements BulkRecord {

    @Override
    public long line() {
        return record.line();
    }

    @Override
    public String promptExternalId() {
        return record.promptExternalId();
    }

    @Override
    public String promptText() {
        return record.promptText();
    }

    @Override
    public String category() {
        return record.category();
    }

    @Override
    public SafetyLabel safety() {
        return record.safety();
    }

    @Override
    public String responseExternalId() {
        return record.externalId();
    }

    @Override
    public String model() {
        return record.model();
    }

    @Override
    public int sample() {
        return record.sample();
    }

    @Override
    public String responseText() {
        return record.text();
    }

    @Override
    public String transcriptJson() {
        return record.text() == null ? content : null;
    }

    @Override
    public String metaJson() {
        return record.metaJson();
    }

    @Override
    public List<LabelInput> responseLabels() {
        return record.labels();
    }

    @Override
    public List<LabelInput> promptLabels() {
        return record.promptLabels();
    }

    @Override
    public LabelInput gold() {
        return record.gold();
    }
}
