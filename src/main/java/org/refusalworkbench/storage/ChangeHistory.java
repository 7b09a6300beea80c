package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.refusalworkbench.domain.ChangeEntry;

/** Reads the change log back: who changed a response's gold label, when, and how. */
public final class ChangeHistory {

    private ChangeHistory() {
    }

    /**
     * The prompt this annotator last labelled in the app (a response's label or the intent), from the change log:
     * where they left off. Imports and merges write no such entries, so only their own work counts.
     */
    public static OptionalLong lastPromptLabelledBy(Connection connection, long annotatorId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT coalesce(c.prompt_id,"
                + " r.prompt_id) FROM change_log c LEFT JOIN response r ON r.id = c.response_id"
                + " WHERE c.annotator_id = ? AND c.target IN ('label', 'prompt_label') ORDER BY c.at DESC, c.id DESC"
                + " LIMIT 1")) {
            query.setLong(1, annotatorId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getObject(1) != null ? OptionalLong.of(rows.getLong(1))
                        : OptionalLong.empty();
            }
        }
    }

    /** Every change to the adjudication of {@code responseId}, oldest first. */
    public static List<ChangeEntry> ofAdjudication(Connection connection, long responseId) throws SQLException {
        List<ChangeEntry> entries = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT c.at, a.name, c.action, c.group_id,"
                + " c.option_id, c.old_value, c.new_value, c.source FROM change_log c"
                + " JOIN annotator a ON a.id = c.annotator_id"
                + " WHERE c.response_id = ? AND c.target = 'adjudication' ORDER BY c.id")) {
            query.setLong(1, responseId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new ChangeEntry(Timestamps.parse(rows.getString(1)), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8)));
                }
            }
        }
        return entries;
    }
}
