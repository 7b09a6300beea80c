package org.refusalworkbench.storage.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Finds or inserts the prompt of each record. While the prompt table's indexes are deferred, the prompts this
 * import inserted are the only ones there, and {@link InsertedIds} knows them without a query; new ones then go
 * through {@link PendingRows}.
 */
final class PromptWrites implements AutoCloseable {

    private final Connection connection;
    private final DeferredIndexes indexes;
    private final InsertedIds inserted;
    private final PendingRows pending;
    private final PreparedStatement findByUid;
    private final PreparedStatement textById;
    private final PreparedStatement insert;
    private long nextId;
    private long added;

    PromptWrites(Connection connection, DeferredIndexes indexes, PendingRows pending, int insertedIdsLimit)
            throws SQLException {
        this.connection = connection;
        this.indexes = indexes;
        this.pending = pending;
        this.inserted = new InsertedIds(insertedIdsLimit);
        this.findByUid = connection.prepareStatement("SELECT id, text FROM prompt WHERE uid = ?");
        this.textById = connection.prepareStatement("SELECT text FROM prompt WHERE id = ?");
        this.insert = connection.prepareStatement(PendingRows.INSERT_PROMPT
                + PendingRows.placeholders(PendingRows.PROMPT_COLUMNS, 1));
        this.nextId = RowIds.next(connection, "prompt");
    }

    long idFor(BulkRecord record) throws SQLException, PromptTextConflict {
        byte[] uid = record.promptUid();
        if (indexes.deferred("prompt")) {
            long known = inserted.rowIdOf(uid);
            if (known != 0) {
                if (record.promptExternalId() != null) {
                    refuseOtherText(record, storedText(known));
                }
                return known;
            }
            long id = nextId++;
            pending.addPrompt(row(id, record, uid));
            added++;
            inserted.add(uid, id);
            if (inserted.isFull()) {
                pending.flush();
                indexes.rebuild(connection);
            }
            return id;
        }
        findByUid.setBytes(1, uid);
        try (ResultSet rows = findByUid.executeQuery()) {
            if (rows.next()) {
                if (record.promptExternalId() != null) {
                    refuseOtherText(record, rows.getString(2));
                }
                return rows.getLong(1);
            }
        }
        return insert(record, uid);
    }

    long added() {
        return added;
    }

    private String storedText(long id) throws SQLException {
        pending.flush();
        textById.setLong(1, id);
        try (ResultSet rows = textById.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** A prompt id names one prompt: the same id with another text is a mistake in the file, not a new prompt. */
    private static void refuseOtherText(BulkRecord record, String storedText) throws PromptTextConflict {
        if (!storedText.equals(record.promptText())) {
            throw new PromptTextConflict(record.file(), record.line(), record.promptExternalId());
        }
    }

    private long insert(BulkRecord record, byte[] uid) throws SQLException {
        long id = nextId++;
        PendingRows.bind(insert, 1, row(id, record, uid));
        insert.executeUpdate();
        added++;
        return id;
    }

    /** The prompt row's values in the order of {@link PendingRows#INSERT_PROMPT}. */
    private static Object[] row(long id, BulkRecord record, byte[] uid) {
        return new Object[] {id, uid, record.promptExternalId(), record.promptText(), record.category(),
            record.safety().id()};
    }

    @Override
    public void close() throws SQLException {
        findByUid.close();
        textById.close();
        insert.close();
    }
}
