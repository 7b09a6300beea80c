package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The project-wide settings a lead makes for every labeler, stored in the project file. */
public final class ProjectSettings {

    /** Whether a prompt can be marked done only with nothing missing or flagged (no "done anyway"). */
    private static final String DONE_REQUIRES_COMPLETE = "done.requires_complete";

    private ProjectSettings() {
    }

    public static boolean doneRequiresComplete(Connection connection) throws SQLException {
        return Boolean.parseBoolean(value(connection, DONE_REQUIRES_COMPLETE));
    }

    public static void setDoneRequiresComplete(Connection connection, boolean required) throws SQLException {
        String sql = required
                ? "INSERT INTO project_setting (key, value) VALUES (?, 'true')"
                        + " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                : "DELETE FROM project_setting WHERE key = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, DONE_REQUIRES_COMPLETE);
            statement.executeUpdate();
        }
    }

    private static String value(Connection connection, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT value FROM project_setting WHERE key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
