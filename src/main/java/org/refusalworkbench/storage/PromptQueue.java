package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.refusalworkbench.domain.QueueEntry;
import org.refusalworkbench.domain.QueueFilter;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * The prompts one annotator works through, filtered and read a page at a time in prompt order, so a project with a
 * million responses never has to be loaded whole. Every query walks the prompt table by its primary key.
 */
public final class PromptQueue {

    private static final int PREVIEW_CHARS = 160;

    private final RuleFlagSql flags;

    public PromptQueue(Taxonomy taxonomy) {
        this.flags = new RuleFlagSql(taxonomy);
    }

    public long count(Connection connection, long annotatorId, QueueFilter filter) throws SQLException {
        Query query = where(annotatorId, filter);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM prompt p" + query.sql())) {
            query.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    public List<QueueEntry> page(Connection connection, long annotatorId, QueueFilter filter, long offset, int limit)
            throws SQLException {
        Query query = where(annotatorId, filter);
        // Per row also: its responses, how many of them this annotator labelled (a label with a choice in it), and
        // whether those labels break a rule; each a lookup by the prompt's responses, for one page of rows.
        String sql = "SELECT p.id, p.external_id, substr(p.text, 1, " + PREVIEW_CHARS + "), p.category, p.safety,"
                + " EXISTS (SELECT 1 FROM prompt_done d WHERE d.annotator_id = ? AND d.prompt_id = p.id),"
                + " (SELECT count(*) FROM response r WHERE r.prompt_id = p.id),"
                + " (SELECT count(*) FROM response r CROSS JOIN label l ON l.response_id = r.id AND l.annotator_id = ?"
                + " WHERE r.prompt_id = p.id AND EXISTS (SELECT 1 FROM label_selection s WHERE s.label_id = l.id)),"
                + " EXISTS (SELECT 1 FROM response r CROSS JOIN label l ON l.response_id = r.id AND l.annotator_id = ?"
                + " WHERE r.prompt_id = p.id AND (" + flags.brokenLabelCondition() + "))"
                + " FROM prompt p" + query.sql() + " ORDER BY p.id LIMIT ? OFFSET ?";
        List<QueueEntry> entries = new ArrayList<>(limit);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, annotatorId);
            statement.setLong(2, annotatorId);
            statement.setLong(3, annotatorId);
            int next = query.bind(statement, 4);
            statement.setInt(next, limit);
            statement.setLong(next + 1, offset);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new QueueEntry(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            SafetyLabel.valueOf(rows.getString(5).toUpperCase(Locale.ROOT)), rows.getBoolean(6),
                            rows.getInt(7), rows.getInt(8), rows.getBoolean(9)));
                }
            }
        }
        return entries;
    }

    /** Where {@code promptId} stands in the filtered queue (the number of prompts before it). */
    public long indexOf(Connection connection, long annotatorId, QueueFilter filter, long promptId) throws SQLException {
        Query query = where(annotatorId, filter).and("p.id < ?", promptId);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM prompt p" + query.sql())) {
            query.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The next (or previous) prompt of the filtered queue after {@code promptId}. */
    public OptionalLong neighbour(Connection connection, long annotatorId, QueueFilter filter, long promptId,
                                  boolean forward) throws SQLException {
        Query query = where(annotatorId, filter).and(forward ? "p.id > ?" : "p.id < ?", promptId);
        return first(connection, query, forward);
    }

    /** The first prompt of the filtered queue. */
    public OptionalLong first(Connection connection, long annotatorId, QueueFilter filter) throws SQLException {
        return first(connection, where(annotatorId, filter), true);
    }

    /** The next prompt this annotator has not marked done, after {@code promptId} and then from the start. */
    public OptionalLong nextUnfinished(Connection connection, long annotatorId, long promptId) throws SQLException {
        QueueFilter notDone = new QueueFilter(QueueFilter.Status.NOT_DONE, null, null, null, false, null);
        OptionalLong after = neighbour(connection, annotatorId, notDone, promptId, true);
        if (after.isPresent()) {
            return after;
        }
        OptionalLong fromStart = first(connection, annotatorId, notDone);
        return fromStart.isPresent() && fromStart.getAsLong() != promptId ? fromStart : OptionalLong.empty();
    }

    private OptionalLong first(Connection connection, Query query, boolean ascending) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT p.id FROM prompt p" + query.sql()
                + " ORDER BY p.id " + (ascending ? "ASC" : "DESC") + " LIMIT 1")) {
            query.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private Query where(long annotatorId, QueueFilter filter) {
        Query query = new Query();
        String done = "EXISTS (SELECT 1 FROM prompt_done d WHERE d.annotator_id = ? AND d.prompt_id = p.id)";
        if (filter.status() == QueueFilter.Status.DONE) {
            query.and(done, annotatorId);
        } else if (filter.status() == QueueFilter.Status.NOT_DONE) {
            query.and("NOT " + done, annotatorId);
        }
        if (present(filter.model())) {
            query.and("EXISTS (SELECT 1 FROM response r WHERE r.model = ? AND r.prompt_id = p.id)", filter.model());
        }
        if (present(filter.category())) {
            query.and("p.category = ?", filter.category());
        }
        if (filter.safety() != null) {
            query.and("p.safety = ?", filter.safety().id());
        }
        if (present(filter.text())) {
            String escaped = filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            // The prompt's text or id, or any of its responses' text: what a labeler remembers of a prompt.
            String pattern = "%" + escaped + "%";
            query.and("(p.text LIKE ? ESCAPE '\\' OR p.external_id LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM"
                    + " response r WHERE r.prompt_id = p.id AND r.text LIKE ? ESCAPE '\\'))", pattern, pattern, pattern);
        }
        if (filter.flaggedOnly()) {
            // CROSS JOIN pins the loop order: this prompt's responses first, then each one's label by its unique
            // key; left free, the planner may walk all of the annotator's labels for every prompt.
            query.and("EXISTS (SELECT 1 FROM response r CROSS JOIN label l ON l.response_id = r.id AND l.annotator_id = ?"
                    + " WHERE r.prompt_id = p.id AND (" + flags.brokenLabelCondition() + "))", annotatorId);
        }
        return query;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** A WHERE clause and its parameters, built together so they cannot drift apart. */
    private static final class Query {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> parameters = new ArrayList<>();

        /** A condition with one {@code ?} per parameter, in order. */
        Query and(String condition, Object... parameters) {
            sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(condition);
            this.parameters.addAll(List.of(parameters));
            return this;
        }

        String sql() {
            return sql.toString();
        }

        int bind(PreparedStatement statement, int firstIndex) throws SQLException {
            int index = firstIndex;
            for (Object parameter : parameters) {
                statement.setObject(index++, parameter);
            }
            return index;
        }
    }
}
