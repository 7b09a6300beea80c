package org.refusalworkbench.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.ContentIds;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.SelectionCheck;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * Writes records inside one import transaction with prepared statements reused for every row. Rows already present
 * (same content id) are skipped, and so are labels an annotator already has, so importing twice adds nothing and
 * never overwrites work done in the app.
 */
final class ImportBatch implements AutoCloseable {

    private final Connection connection;
    private final Taxonomy taxonomy;
    private final ObjectMapper json;
    private final PreparedStatement findPrompt;
    private final PreparedStatement insertPrompt;
    private final PreparedStatement insertResponse;
    private final PreparedStatement findResponse;
    private final Map<String, Long> personIds = new HashMap<>();

    private long records;
    private long promptsAdded;
    private long responsesAdded;
    private long responsesPresent;
    private long labelsAdded;
    private long intentLabelsAdded;
    private long adjudicationsAdded;

    ImportBatch(Connection connection, Taxonomy taxonomy, ObjectMapper json) throws SQLException {
        this.connection = connection;
        this.taxonomy = taxonomy;
        this.json = json;
        this.findPrompt = connection.prepareStatement("SELECT id, text FROM prompt WHERE uid = ?");
        this.insertPrompt = connection.prepareStatement("INSERT INTO prompt (uid, external_id, text, category, safety)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING id");
        this.insertResponse = connection.prepareStatement("INSERT INTO response (uid, prompt_id, external_id, model,"
                + " sample, text, transcript_json, meta_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (uid) DO NOTHING RETURNING id");
        this.findResponse = connection.prepareStatement("SELECT id FROM response WHERE uid = ?");
    }

    void add(ResponseRecord record, String file) throws SQLException, ImportException {
        records++;
        checkSelections(record, file);
        String promptUid = ContentIds.promptUid(record.promptExternalId(), record.promptText());
        long promptId = promptId(record, promptUid, file);
        String content = record.text() != null ? record.text() : transcriptJson(record);
        String responseUid = ContentIds.responseUid(promptUid, record.model(), record.sample(), content);
        long responseId = responseId(record, promptId, responseUid, content);
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

    private void checkSelections(ResponseRecord record, String file) throws ImportException {
        for (LabelInput label : record.labels()) {
            check(label, GroupLevel.RESPONSE, "labels." + label.person(), record, file);
        }
        for (LabelInput label : record.promptLabels()) {
            check(label, GroupLevel.PROMPT, "prompt_labels." + label.person(), record, file);
        }
        if (record.gold() != null) {
            check(record.gold(), GroupLevel.RESPONSE, "gold", record, file);
        }
    }

    private void check(LabelInput label, GroupLevel level, String where, ResponseRecord record, String file)
            throws ImportException {
        Optional<String> problem = SelectionCheck.problem(taxonomy, label.selections(), level);
        if (problem.isPresent()) {
            throw new ImportException(file, record.line(), where + ": " + problem.get());
        }
    }

    private long promptId(ResponseRecord record, String uid, String file) throws SQLException, ImportException {
        findPrompt.setString(1, uid);
        try (ResultSet rows = findPrompt.executeQuery()) {
            if (rows.next()) {
                if (record.promptExternalId() != null && !rows.getString(2).equals(record.promptText())) {
                    throw new ImportException(file, record.line(), "prompt_id '" + record.promptExternalId()
                            + "' is already used for a different prompt text");
                }
                return rows.getLong(1);
            }
        }
        insertPrompt.setString(1, uid);
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

    private long responseId(ResponseRecord record, long promptId, String uid, String content) throws SQLException {
        insertResponse.setString(1, uid);
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
        findResponse.setString(1, uid);
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

    private String transcriptJson(ResponseRecord record) {
        try {
            return json.writeValueAsString(record.transcript());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
