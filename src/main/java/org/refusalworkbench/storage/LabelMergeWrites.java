package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.refusalworkbench.domain.ChangeSource;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * The database side of merging a label file, used inside the file's one write transaction: finds responses and
 * prompts by content id, remembers which judgements the file has already given (to catch duplicates), and writes
 * a judgement through {@link LabelStore} (so the change log records it as a merge) keeping the times of the label
 * file rather than the time of the merge.
 */
public final class LabelMergeWrites implements AutoCloseable {

    /** A response found by its content id, with the content id of its prompt. */
    public record ResponseRef(long id, String promptUid) {
    }

    private final Connection connection;
    private final PreparedStatement findResponse;
    private final PreparedStatement findPrompt;
    private final PreparedStatement markSeen;
    private final PreparedStatement seenAt;
    private final StatementCache statements;
    private final Map<String, Long> personIds = new HashMap<>();

    /** Work on one label file inside its write transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(LabelMergeWrites writes, Taxonomy taxonomy) throws Exception;
    }

    /**
     * Runs {@code work} as one write transaction on the writer thread, so a file is merged whole or not at all.
     *
     * @param work given the project's taxonomy, which the file's labels are checked against
     * @throws StorageException on failure; its cause is the work's exception when the work stopped it
     */
    public static <T> T inTransaction(ProjectDatabase database, Work<T> work) {
        return database.writer().run(connection -> {
            Taxonomy taxonomy = ProjectSetup.currentTaxonomy(connection);
            try (LabelMergeWrites writes = new LabelMergeWrites(connection)) {
                return work.run(writes, taxonomy);
            }
        });
    }

    private LabelMergeWrites(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement statement = connection.createStatement()) {
            // A temporary table, not a Java set, so a file of millions of records keeps the heap small.
            statement.execute(SqliteDialect.CREATE_MERGE_SEEN);
            statement.execute("DELETE FROM " + SqliteDialect.MERGE_SEEN);
        }
        this.findResponse = connection.prepareStatement("SELECT r.id, p.uid FROM response r"
                + " JOIN prompt p ON p.id = r.prompt_id WHERE r.uid = ?");
        this.findPrompt = connection.prepareStatement("SELECT id FROM prompt WHERE uid = ?");
        this.markSeen = connection.prepareStatement("INSERT INTO " + SqliteDialect.MERGE_SEEN + " (kind, target, person, line)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
        this.seenAt = connection.prepareStatement("SELECT line FROM " + SqliteDialect.MERGE_SEEN
                + " WHERE kind = ? AND target = ? AND person = ?");
        this.statements = new StatementCache(connection);
    }

    public Optional<ResponseRef> response(String uidHex) throws SQLException {
        findResponse.setBytes(1, ContentIds.parseHex(uidHex));
        try (ResultSet rows = findResponse.executeQuery()) {
            return rows.next() ? Optional.of(new ResponseRef(rows.getLong(1), ContentIds.hex(rows.getBytes(2))))
                    : Optional.empty();
        }
    }

    public OptionalLong prompt(String uidHex) throws SQLException {
        findPrompt.setBytes(1, ContentIds.parseHex(uidHex));
        try (ResultSet rows = findPrompt.executeQuery()) {
            return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
        }
    }

    public long personId(String name) throws SQLException {
        Long known = personIds.get(name);
        if (known != null) {
            return known;
        }
        long id = Annotators.idFor(connection, name);
        personIds.put(name, id);
        return id;
    }

    /**
     * Notes that the file gives this judgement at {@code line}.
     *
     * @return the line where the file gave it before, or empty the first time
     */
    public OptionalLong earlierLine(LabelKind kind, long targetId, long personId, long line) throws SQLException {
        long person = kind.onePerTarget() ? 0 : personId;
        markSeen.setInt(1, kind.ordinal());
        markSeen.setLong(2, targetId);
        markSeen.setLong(3, person);
        markSeen.setLong(4, line);
        if (markSeen.executeUpdate() == 1) {
            return OptionalLong.empty();
        }
        seenAt.setInt(1, kind.ordinal());
        seenAt.setLong(2, targetId);
        seenAt.setLong(3, person);
        try (ResultSet rows = seenAt.executeQuery()) {
            rows.next();
            return OptionalLong.of(rows.getLong(1));
        }
    }

    public Optional<LabelStore.Stored> stored(LabelKind kind, long targetId, long personId) throws SQLException {
        return LabelStore.load(statements, kind, targetId, personId);
    }

    /**
     * Makes the stored judgement the given one, times included: a merged label keeps when its annotator made and
     * last edited it, which is what the next merge compares against.
     *
     * @param secondsSpent ignored for judgements that do not record it (intent labels, adjudications)
     */
    public void write(LabelKind kind, long targetId, long personId, Selections selections, String text,
                      Instant createdAt, Instant updatedAt, int secondsSpent) throws SQLException {
        LabelStore.save(statements, kind, targetId, personId, selections, text, ChangeSource.MERGE);
        String sql = "UPDATE " + kind.table + " SET created_at = ?, updated_at = ?"
                + (kind == LabelKind.RESPONSE_LABEL ? ", seconds_spent = ?" : "")
                + (kind.onePerTarget() ? ", " + kind.personColumn + " = ?" : "")
                + " WHERE " + kind.targetColumn + " = ?"
                + (kind.onePerTarget() ? "" : " AND " + kind.personColumn + " = ?");
        PreparedStatement update = statements.get(sql);
        int index = 1;
        update.setString(index++, createdAt.toString());
        update.setString(index++, updatedAt.toString());
        if (kind == LabelKind.RESPONSE_LABEL) {
            update.setInt(index++, secondsSpent);
        }
        if (kind.onePerTarget()) {
            update.setLong(index++, personId);
        }
        update.setLong(index++, targetId);
        if (!kind.onePerTarget()) {
            update.setLong(index, personId);
        }
        update.executeUpdate();
    }

    /** Saves one judge's verdict in this merge's transaction (see {@link JudgeLabels#saveOne}). */
    public JudgeLabels.Saved saveJudge(org.refusalworkbench.domain.Judge judge,
                                       org.refusalworkbench.domain.JudgeVerdict verdict) throws SQLException {
        return JudgeLabels.saveOne(connection, judge, verdict);
    }

    @Override
    public void close() throws SQLException {
        try (statements) {
            for (PreparedStatement statement : new PreparedStatement[] {findResponse, findPrompt, markSeen, seenAt}) {
                statement.close();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + SqliteDialect.MERGE_SEEN);
        }
    }
}
