package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.refusalworkbench.domain.ChangeEntry;

/** Reads the change log back: who changed a response's gold label, when, and how. */
public final class ChangeHistory {

    private ChangeHistory() {
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
