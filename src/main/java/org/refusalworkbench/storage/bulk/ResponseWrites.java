package org.refusalworkbench.storage.bulk;

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

    private final Connection connection;
    private final DeferredIndexes indexes;
    private final InsertedIds inserted;
    private final PendingRows pending;
    private final PreparedStatement findByUid;
    /** Prepared once the unique index exists: its conflict clause needs that index. */
    private PreparedStatement insertUnlessPresent;
    private final SkippedDuplicates skipped;
    private long nextId;
    private long added;

    ResponseWrites(Connection connection, DeferredIndexes indexes, PendingRows pending, int insertedIdsLimit)
            throws SQLException {
        this.connection = connection;
        this.indexes = indexes;
        this.pending = pending;
        this.inserted = new InsertedIds(insertedIdsLimit);
        this.findByUid = connection.prepareStatement("SELECT id FROM response WHERE uid = ?");
        this.nextId = RowIds.next(connection, "response");
        this.skipped = new SkippedDuplicates(nextId);
    }

    long idFor(BulkRecord record, long promptId) throws SQLException {
        byte[] uid = record.responseUid();
        String file = record.file();
        if (indexes.deferred("response")) {
            long known = inserted.rowIdOf(uid);
            if (known != 0) {
                skipped.skipped(known, file, record.line());
                return known;
            }
            long id = nextId++;
            pending.addResponse(row(id, record, promptId));
            added++;
            skipped.added(id, file, record.line());
            inserted.add(uid, id);
            if (inserted.isFull()) {
                pending.flush();
                indexes.rebuild(connection);
            }
            return id;
        }
        if (insertUnlessPresent == null) {
            insertUnlessPresent = connection.prepareStatement(PendingRows.INSERT_RESPONSE
                    + PendingRows.placeholders(PendingRows.RESPONSE_COLUMNS, 1) + " ON CONFLICT (uid) DO NOTHING");
        }
        PendingRows.bind(insertUnlessPresent, 1, row(nextId, record, promptId));
        if (insertUnlessPresent.executeUpdate() == 1) {
            added++;
            skipped.added(nextId, file, record.line());
            return nextId++;
        }
        findByUid.setBytes(1, uid);
        try (ResultSet rows = findByUid.executeQuery()) {
            rows.next();
            long existing = rows.getLong(1);
            skipped.skipped(existing, file, record.line());
            return existing;
        }
    }

    long added() {
        return added;
    }

    SkippedDuplicates skipped() {
        return skipped;
    }

    /** The response row's values in the order of {@link PendingRows#INSERT_RESPONSE}; a transcript as JSON. */
    private static Object[] row(long id, BulkRecord record, long promptId) {
        return new Object[] {id, record.responseUid(), promptId, record.responseExternalId(), record.model(),
            record.sample(), record.responseText(), record.transcriptJson(), record.metaJson()};
    }

    @Override
    public void close() throws SQLException {
        findByUid.close();
        if (insertUnlessPresent != null) {
            insertUnlessPresent.close();
        }
    }
}
