package org.refusalworkbench.storage.bulk;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.refusalworkbench.domain.ChangeSource;
import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.storage.StatementCache;

/**
 * Writes records inside one import transaction with prepared statements reused for every row. Rows already present
 * (same content id) are skipped, and so are labels an annotator already has, so importing twice adds nothing and
 * never overwrites work done in the app.
 */
final class ImportBatch implements AutoCloseable {

    private final Connection connection;
    private final PendingRows pending;
    private final PromptWrites prompts;
    private final ResponseWrites responses;
    private final StatementCache labelStatements;
    private final Map<String, Long> personIds = new HashMap<>();

    /** Consecutive lines mostly answer the same prompt: remembering it saves a lookup per line. */
    private byte[] lastPromptUid;
    private String lastPromptText;
    private long lastPromptId;
    private long records;
    private long labelsAdded;
    private long intentLabelsAdded;
    private long adjudicationsAdded;

    ImportBatch(Connection connection, DeferredIndexes deferredIndexes, int insertedIdsLimit) throws SQLException {
        this.connection = connection;
        this.pending = new PendingRows(connection);
        this.prompts = new PromptWrites(connection, deferredIndexes, pending, insertedIdsLimit);
        this.responses = new ResponseWrites(connection, deferredIndexes, pending, insertedIdsLimit);
        this.labelStatements = new StatementCache(connection);
    }

    void add(BulkRecord record) throws SQLException, PromptTextConflict {
        records++;
        long promptId = promptId(record);
        long responseId = responses.idFor(record, promptId);
        if (!record.responseLabels().isEmpty() || !record.promptLabels().isEmpty() || record.gold() != null) {
            pending.flush();   // labels refer to the prompt and the response
        }
        for (BulkLabel label : record.responseLabels()) {
            if (addIfAbsent(LabelKind.RESPONSE_LABEL, responseId, label)) {
                labelsAdded++;
            }
        }
        for (BulkLabel label : record.promptLabels()) {
            if (addIfAbsent(LabelKind.PROMPT_LABEL, promptId, label)) {
                intentLabelsAdded++;
            }
        }
        if (record.gold() != null && addIfAbsent(LabelKind.ADJUDICATION, responseId, record.gold())) {
            adjudicationsAdded++;
        }
    }

    /** Writes the rows still pending; before the import reads its tables or builds their indexes. */
    void flush() throws SQLException {
        pending.flush();
    }

    long records() {
        return records;
    }

    BulkCounts counts() {
        SkippedDuplicates skipped = responses.skipped();
        return new BulkCounts(records, prompts.added(), responses.added(), skipped.count(), labelsAdded,
                intentLabelsAdded, adjudicationsAdded, skipped.listed());
    }

    private long promptId(BulkRecord record) throws SQLException, PromptTextConflict {
        byte[] uid = record.promptUid();
        if (java.util.Arrays.equals(uid, lastPromptUid) && record.promptText().equals(lastPromptText)) {
            return lastPromptId;
        }
        lastPromptId = prompts.idFor(record);
        lastPromptUid = uid;
        lastPromptText = record.promptText();
        return lastPromptId;
    }

    private boolean addIfAbsent(LabelKind kind, long targetId, BulkLabel label) throws SQLException {
        long personId = personIds.containsKey(label.person()) ? personIds.get(label.person())
                : cachePerson(label.person());
        if (LabelStore.load(labelStatements, kind, targetId, personId).isPresent()) {
            return false;
        }
        return LabelStore.save(labelStatements, kind, targetId, personId, label.selections(), label.text(),
                ChangeSource.IMPORT);
    }

    private long cachePerson(String name) throws SQLException {
        long id = Annotators.idFor(connection, name);
        personIds.put(name, id);
        return id;
    }

    @Override
    public void close() throws SQLException {
        try (pending; prompts; responses; labelStatements) {
            // all closed, each even if another fails
        }
    }
}
