package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.refusalworkbench.domain.ChangeSource;
import org.refusalworkbench.domain.Selections;

/**
 * Reads and writes labels, intent labels and adjudications. A save compares old and new selections and logs each
 * difference to the change log in the same transaction, so the log can never disagree with the labels.
 */
public final class LabelStore {

    /** A stored judgement as read back. */
    public record Stored(long rowId, long personId, Selections selections, String text, Instant createdAt,
                         Instant updatedAt) {
    }

    private LabelStore() {
    }

    public static Optional<Stored> load(Connection connection, LabelKind kind, long targetId, long personId)
            throws SQLException {
        try (StatementCache statements = new StatementCache(connection)) {
            return load(statements, kind, targetId, personId);
        }
    }

    /** As {@link #load(Connection, LabelKind, long, long)}, with statements prepared once for many labels. */
    public static Optional<Stored> load(StatementCache statements, LabelKind kind, long targetId, long personId)
            throws SQLException {
        String sql = "SELECT id, " + kind.personColumn + ", " + kind.textColumn + ", created_at, updated_at FROM "
                + kind.table + " WHERE " + kind.targetColumn + " = ?"
                + (kind.onePerTarget() ? "" : " AND " + kind.personColumn + " = ?");
        PreparedStatement query = statements.get(sql);
        query.setLong(1, targetId);
        if (!kind.onePerTarget()) {
            query.setLong(2, personId);
        }
        long rowId;
        long storedPerson;
        String text;
        String createdAt;
        String updatedAt;
        try (ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            rowId = rows.getLong(1);
            storedPerson = rows.getLong(2);
            text = rows.getString(3);
            createdAt = rows.getString(4);
            updatedAt = rows.getString(5);
        }
        return Optional.of(new Stored(rowId, storedPerson, selections(statements, kind, rowId), text,
                Timestamps.parse(createdAt), Timestamps.parse(updatedAt)));
    }

    public static Selections selections(Connection connection, LabelKind kind, long rowId) throws SQLException {
        try (StatementCache statements = new StatementCache(connection)) {
            return selections(statements, kind, rowId);
        }
    }

    private static Selections selections(StatementCache statements, LabelKind kind, long rowId) throws SQLException {
        Map<String, Set<String>> byGroup = new HashMap<>();
        PreparedStatement query = statements.get("SELECT group_id, option_id FROM " + kind.selectionTable
                + " WHERE " + kind.selectionKey + " = ?");
        query.setLong(1, rowId);
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                byGroup.computeIfAbsent(rows.getString(1), group -> new HashSet<>()).add(rows.getString(2));
            }
        }
        return Selections.of(byGroup);
    }

    /**
     * Makes the stored judgement equal to {@code selections} and {@code text}, logging each change under
     * {@code source}. Must run inside a write transaction.
     *
     * @return whether anything changed
     */
    public static boolean save(Connection connection, LabelKind kind, long targetId, long personId,
                               Selections selections, String text, ChangeSource source) throws SQLException {
        try (StatementCache statements = new StatementCache(connection)) {
            return save(statements, kind, targetId, personId, selections, text, source);
        }
    }

    /** As {@link #save(Connection, LabelKind, long, long, Selections, String, ChangeSource)}, for many labels. */
    public static boolean save(StatementCache statements, LabelKind kind, long targetId, long personId,
                               Selections selections, String text, ChangeSource source) throws SQLException {
        Optional<Stored> existing = load(statements, kind, targetId, personId);
        String now = Timestamps.now();
        long rowId = existing.isPresent() ? existing.get().rowId()
                : insertRow(statements, kind, targetId, personId, now);
        Selections before = existing.map(Stored::selections).orElse(Selections.none());
        String textBefore = existing.map(Stored::text).orElse(null);
        String normalisedText = text == null || text.isEmpty() ? null : text;

        ChangeLog log = new ChangeLog(statements, kind, targetId, personId, now, source);
        boolean changed = existing.isEmpty();
        for (String group : union(before.groups(), selections.groups())) {
            for (String option : union(before.options(group), selections.options(group))) {
                boolean was = before.has(group, option);
                boolean is = selections.has(group, option);
                if (was != is) {
                    writeSelection(statements, kind, rowId, group, option, is);
                    log.option(group, option, is);
                    changed = true;
                }
            }
        }
        if (!Objects.equals(textBefore, normalisedText)) {
            PreparedStatement update = statements.get(
                    "UPDATE " + kind.table + " SET " + kind.textColumn + " = ? WHERE id = ?");
            update.setString(1, normalisedText);
            update.setLong(2, rowId);
            update.executeUpdate();
            log.text(kind.textColumn, textBefore, normalisedText);
            changed = true;
        }
        if (changed && existing.isPresent()) {
            touch(statements, kind, rowId, personId, now);
        }
        return changed;
    }

    /**
     * Puts back the judgement {@code before} some saves (an undo): with {@code before} empty the judgement is removed,
     * each option and the text logged as cleared; otherwise it is saved again as it was and, for a kind with one
     * judgement per target, returned to the person who owned it. Must run inside a write transaction.
     */
    public static void restore(Connection connection, LabelKind kind, long targetId, long personId,
                               Optional<Stored> before, ChangeSource source) throws SQLException {
        try (StatementCache statements = new StatementCache(connection)) {
            if (before.isPresent()) {
                save(statements, kind, targetId, personId, before.get().selections(), before.get().text(), source);
                if (kind.onePerTarget() && before.get().personId() != personId) {
                    PreparedStatement owner = statements.get("UPDATE " + kind.table + " SET " + kind.personColumn
                            + " = ? WHERE " + kind.targetColumn + " = ?");
                    owner.setLong(1, before.get().personId());
                    owner.setLong(2, targetId);
                    owner.executeUpdate();
                }
                return;
            }
            Optional<Stored> existing = load(statements, kind, targetId, personId);
            if (existing.isEmpty()) {
                return;
            }
            save(statements, kind, targetId, personId, Selections.none(), null, source);
            for (String sql : List.of("DELETE FROM " + kind.selectionTable + " WHERE " + kind.selectionKey + " = ?",
                    "DELETE FROM " + kind.table + " WHERE id = ?")) {
                PreparedStatement delete = statements.get(sql);
                delete.setLong(1, existing.get().rowId());
                delete.executeUpdate();
            }
        }
    }

    private static long insertRow(StatementCache statements, LabelKind kind, long targetId, long personId,
                                  String now) throws SQLException {
        PreparedStatement insert = statements.get("INSERT INTO " + kind.table + " (" + kind.targetColumn + ", "
                + kind.personColumn + ", created_at, updated_at) VALUES (?, ?, ?, ?)");
        insert.setLong(1, targetId);
        insert.setLong(2, personId);
        insert.setString(3, now);
        insert.setString(4, now);
        insert.executeUpdate();
        try (ResultSet rows = statements.get(SqliteDialect.LAST_INSERT_ID).executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** An adjudication belongs to whoever revised it last; the change log keeps the earlier reviewers. */
    private static void touch(StatementCache statements, LabelKind kind, long rowId, long personId, String now)
            throws SQLException {
        PreparedStatement update = statements.get("UPDATE " + kind.table + " SET updated_at = ?"
                + (kind.onePerTarget() ? ", " + kind.personColumn + " = ?" : "") + " WHERE id = ?");
        update.setString(1, now);
        int index = 2;
        if (kind.onePerTarget()) {
            update.setLong(index++, personId);
        }
        update.setLong(index, rowId);
        update.executeUpdate();
    }

    private static void writeSelection(StatementCache statements, LabelKind kind, long rowId, String group,
                                       String option, boolean selected) throws SQLException {
        String sql = selected
                ? "INSERT INTO " + kind.selectionTable + " (" + kind.selectionKey + ", group_id, option_id) VALUES (?, ?, ?)"
                : "DELETE FROM " + kind.selectionTable + " WHERE " + kind.selectionKey + " = ? AND group_id = ? AND option_id = ?";
        PreparedStatement statement = statements.get(sql);
        statement.setLong(1, rowId);
        statement.setString(2, group);
        statement.setString(3, option);
        statement.executeUpdate();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Writes change-log rows for one save. */
    private static final class ChangeLog {
        private final StatementCache statements;
        private final LabelKind kind;
        private final long targetId;
        private final long personId;
        private final String at;
        private final ChangeSource source;

        ChangeLog(StatementCache statements, LabelKind kind, long targetId, long personId, String at,
                  ChangeSource source) {
            this.statements = statements;
            this.kind = kind;
            this.targetId = targetId;
            this.personId = personId;
            this.at = at;
            this.source = source;
        }

        void option(String group, String option, boolean selected) throws SQLException {
            insert(selected ? "select" : "deselect", group, option, selected ? null : "1", selected ? "1" : null);
        }

        void text(String field, String before, String after) throws SQLException {
            insert("set_" + field, null, null, before, after);
        }

        private void insert(String action, String group, String option, String before, String after)
                throws SQLException {
            PreparedStatement insert = statements.get("INSERT INTO change_log (at, annotator_id, target,"
                    + " response_id, prompt_id, action, group_id, option_id, old_value, new_value, source)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insert.setString(1, at);
            insert.setLong(2, personId);
            insert.setString(3, kind.logTarget());
            if (kind.targetsPrompt()) {
                insert.setNull(4, Types.INTEGER);
                insert.setLong(5, targetId);
            } else {
                insert.setLong(4, targetId);
                insert.setNull(5, Types.INTEGER);
            }
            insert.setString(6, action);
            insert.setString(7, group);
            insert.setString(8, option);
            insert.setString(9, before);
            insert.setString(10, after);
            insert.setString(11, source.stored());
            insert.executeUpdate();
        }
    }
}
