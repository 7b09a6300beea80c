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
    private long nextPromptId;
    private long nextResponseId;
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
        this.insertPrompt = connection.prepareStatement("INSERT INTO prompt (id, uid, external_id, text, category,"
                + " safety) VALUES (?, ?, ?, ?, ?, ?)");
        this.insertResponse = connection.prepareStatement("INSERT INTO response (id, uid, prompt_id, external_id,"
                + " model, sample, text, transcript_json, meta_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (uid) DO NOTHING");
        this.findResponse = connection.prepareStatement("SELECT id FROM response WHERE uid = ?");
        this.nextPromptId = nextId(connection, "prompt");
        this.nextResponseId = nextId(connection, "response");
    }

    /**
     * The import holds the write lock from its first statement, so it can hand out row ids itself: a plain insert
     * whose update count says whether the row was new is much cheaper through JDBC than one returning its id.
     */
    private static long nextId(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT coalesce(max(id), 0) + 1 FROM " + table);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
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
        long id = nextPromptId++;
        insertPrompt.setLong(1, id);
        insertPrompt.setBytes(2, uid);
        insertPrompt.setString(3, record.promptExternalId());
        insertPrompt.setString(4, record.promptText());
        insertPrompt.setString(5, record.category());
        insertPrompt.setString(6, record.safety().id());
        insertPrompt.executeUpdate();
        promptsAdded++;
        return id;
    }

    private long responseId(ResponseRecord record, long promptId, byte[] uid, String content) throws SQLException {
        long id = nextResponseId;
        insertResponse.setLong(1, id);
        insertResponse.setBytes(2, uid);
        insertResponse.setLong(3, promptId);
        insertResponse.setString(4, record.externalId());
        insertResponse.setString(5, record.model());
        insertResponse.setInt(6, record.sample());
        insertResponse.setString(7, record.text());
        insertResponse.setString(8, record.text() == null ? content : null);
        insertResponse.setString(9, record.metaJson());
        if (insertResponse.executeUpdate() == 1) {
            nextResponseId++;
            responsesAdded++;
            return id;
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
