package org.refusalworkbench.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;


import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;

/**
 * Writes records inside one import transaction with prepared statements reused for every row. Rows already present
 * (same content id) are skipped, and so are labels an annotator already has, so importing twice adds nothing and
 * never overwrites work done in the app.
 */
final class ImportBatch implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement findPrompt;
    private final PreparedStatement insertPrompt;
    private final PreparedStatement insertResponse;
    private final PreparedStatement findResponse;
    private final Map<String, Long> personIds = new HashMap<>();

    /** Consecutive lines mostly answer the same prompt: remembering it saves a lookup per line. */
    private byte[] lastPromptUid;
    private String lastPromptText;
    private long lastPromptId;
    private long records;
    private long promptsAdded;
    private long responsesAdded;
    private long responsesPresent;
    private long labelsAdded;
    private long intentLabelsAdded;
    private long adjudicationsAdded;

    ImportBatch(Connection connection) throws SQLException {
        this.connection = connection;
        this.findPrompt = connection.prepareStatement("SELECT id, text FROM prompt WHERE uid = ?");
        this.insertPrompt = connection.prepareStatement("INSERT INTO prompt (uid, external_id, text, category, safety)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING id");
        this.insertResponse = connection.prepareStatement("INSERT INTO response (uid, prompt_id, external_id, model,"
                + " sample, text, transcript_json, meta_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (uid) DO NOTHING RETURNING id");
        this.findResponse = connection.prepareStatement("SELECT id FROM response WHERE uid = ?");
    }

    void add(PreparedRecord prepared) throws SQLException, ImportException {
        ResponseRecord record = prepared.record();
        records++;
        long promptId = promptId(record, prepared.promptUid(), prepared.file());
        long responseId = responseId(record, promptId, prepared.responseUid(), prepared.content());
        for (LabelInput label : record.labels()) {
            if (addIfAbsent(LabelKind.RESPONSE_LABEL, responseId, label)) {
                labelsAdded++;
            }
        }
        for (LabelInput label : record.promptLabels()) {
            if (addIfAbsent(LabelKind.PROMPT_LABEL, promptId, label)) {
                intentLabelsAdded++;
            }
        }
        if (record.gold() != null && addIfAbsent(LabelKind.ADJUDICATION, responseId, record.gold())) {
            adjudicationsAdded++;
        }
    }

    long records() {
        return records;
    }

    ImportSummary summary(int files) {
        return new ImportSummary(files, records, promptsAdded, responsesAdded, responsesPresent, labelsAdded,
                intentLabelsAdded, adjudicationsAdded);
    }

    private long promptId(ResponseRecord record, byte[] uid, String file) throws SQLException, ImportException {
        if (java.util.Arrays.equals(uid, lastPromptUid) && record.promptText().equals(lastPromptText)) {
            return lastPromptId;
        }
        lastPromptId = lookUpOrInsertPrompt(record, uid, file);
        lastPromptUid = uid;
        lastPromptText = record.promptText();
        return lastPromptId;
    }

    private long lookUpOrInsertPrompt(ResponseRecord record, byte[] uid, String file)
            throws SQLException, ImportException {
        findPrompt.setBytes(1, uid);
        try (ResultSet rows = findPrompt.executeQuery()) {
            if (rows.next()) {
                if (record.promptExternalId() != null && !rows.getString(2).equals(record.promptText())) {
                    throw new ImportException(file, record.line(), "prompt_id '" + record.promptExternalId()
                            + "' is already used for a different prompt text");
                }
                return rows.getLong(1);
            }
        }
        insertPrompt.setBytes(1, uid);
        insertPrompt.setString(2, record.promptExternalId());
        insertPrompt.setString(3, record.promptText());
        insertPrompt.setString(4, record.category());
        insertPrompt.setString(5, record.safety().id());
        try (ResultSet rows = insertPrompt.executeQuery()) {
            rows.next();
            promptsAdded++;
            return rows.getLong(1);
        }
    }

    private long responseId(ResponseRecord record, long promptId, byte[] uid, String content) throws SQLException {
        insertResponse.setBytes(1, uid);
        insertResponse.setLong(2, promptId);
        insertResponse.setString(3, record.externalId());
        insertResponse.setString(4, record.model());
        insertResponse.setInt(5, record.sample());
        insertResponse.setString(6, record.text());
        insertResponse.setString(7, record.text() == null ? content : null);
        insertResponse.setString(8, record.metaJson());
        try (ResultSet inserted = insertResponse.executeQuery()) {
            if (inserted.next()) {
                responsesAdded++;
                return inserted.getLong(1);
            }
        }
        responsesPresent++;
        findResponse.setBytes(1, uid);
        try (ResultSet rows = findResponse.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private boolean addIfAbsent(LabelKind kind, long targetId, LabelInput label) throws SQLException {
        long personId = personIds.containsKey(label.person()) ? personIds.get(label.person())
                : cachePerson(label.person());
        if (LabelStore.load(connection, kind, targetId, personId).isPresent()) {
            return false;
        }
        return LabelStore.save(connection, kind, targetId, personId, label.selections(), label.text(), "import");
    }

    private long cachePerson(String name) throws SQLException {
        long id = Annotators.idFor(connection, name);
        personIds.put(name, id);
        return id;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : new PreparedStatement[] {findPrompt, insertPrompt, insertResponse,
                findResponse}) {
            statement.close();
        }
    }
}
