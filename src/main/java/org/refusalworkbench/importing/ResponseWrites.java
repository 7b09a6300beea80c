package org.refusalworkbench.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Inserts each record's response unless it is already there (same content id). While the response table's indexes
 * are deferred, the responses this import inserted are the only ones there, and {@link InsertedIds} knows them;
 * new ones then go through {@link PendingRows}.
 */
final class ResponseWrites implements AutoCloseable {

    private static final String INSERT = "INSERT INTO response (id, uid, prompt_id, external_id, model, sample,"
            + " text, transcript_json, meta_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final DeferredIndexes indexes;
    private final InsertedIds inserted;
    private final PendingRows pending;
    private final PreparedStatement findByUid;
    /** Prepared once the unique index exists: its conflict clause needs that index. */
    private PreparedStatement insertUnlessPresent;
    private long nextId;
    private long added;
    private long present;

    ResponseWrites(Connection connection, DeferredIndexes indexes, PendingRows pending, int insertedIdsLimit)
            throws SQLException {
        this.connection = connection;
        this.indexes = indexes;
        this.pending = pending;
        this.inserted = new InsertedIds(insertedIdsLimit);
        this.findByUid = connection.prepareStatement("SELECT id FROM response WHERE uid = ?");
        this.nextId = RowIds.next(connection, "response");
    }

    long idFor(ResponseRecord record, long promptId, byte[] uid, String content) throws SQLException {
        if (indexes.deferred("response")) {
            long known = inserted.rowIdOf(uid);
            if (known != 0) {
                present++;
                return known;
            }
            long id = nextId++;
            pending.addResponse(id, uid, promptId, record.externalId(), record.model(), record.sample(),
                    record.text(), record.text() == null ? content : null, record.metaJson());
            added++;
            inserted.add(uid, id);
            if (inserted.isFull()) {
                pending.flush();
                indexes.rebuild(connection);
            }
            return id;
        }
        if (insertUnlessPresent == null) {
            insertUnlessPresent = connection.prepareStatement(INSERT + " ON CONFLICT (uid) DO NOTHING");
        }
        if (write(insertUnlessPresent, nextId, record, promptId, uid, content) == 1) {
            added++;
            return nextId++;
        }
        present++;
        findByUid.setBytes(1, uid);
        try (ResultSet rows = findByUid.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    long added() {
        return added;
    }

    long present() {
        return present;
    }

    private static int write(PreparedStatement statement, long id, ResponseRecord record, long promptId, byte[] uid,
                             String content) throws SQLException {
        statement.setLong(1, id);
        statement.setBytes(2, uid);
        statement.setLong(3, promptId);
        statement.setString(4, record.externalId());
        statement.setString(5, record.model());
        statement.setInt(6, record.sample());
        statement.setString(7, record.text());
        statement.setString(8, record.text() == null ? content : null);
        statement.setString(9, record.metaJson());
        return statement.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        findByUid.close();
        if (insertUnlessPresent != null) {
            insertUnlessPresent.close();
        }
    }
}
