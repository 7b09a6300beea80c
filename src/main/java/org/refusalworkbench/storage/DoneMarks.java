package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The prompts each annotator has marked as finished, and how far each one has got. */
public final class DoneMarks {

    /** How many prompts an annotator has marked done, out of all prompts. */
    public record Progress(long done, long total) {
    }

    private DoneMarks() {
    }

    public static void set(Connection connection, long promptId, long annotatorId, boolean done) throws SQLException {
        String sql = done
                ? "INSERT INTO prompt_done (prompt_id, annotator_id, done_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (annotator_id, prompt_id) DO NOTHING"
                : "DELETE FROM prompt_done WHERE prompt_id = ? AND annotator_id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, promptId);
            statement.setLong(2, annotatorId);
            if (done) {
                statement.setString(3, Timestamps.now());
            }
            statement.executeUpdate();
        }
    }

    public static boolean isDone(Connection connection, long promptId, long annotatorId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM prompt_done WHERE annotator_id = ? AND prompt_id = ?")) {
            query.setLong(1, annotatorId);
            query.setLong(2, promptId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    public static Progress progress(Connection connection, long annotatorId) throws SQLException {
        long done;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM prompt_done WHERE annotator_id = ?")) {
            query.setLong(1, annotatorId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                done = rows.getLong(1);
            }
        }
        return new Progress(done, totalPrompts(connection));
    }

    private static long totalPrompts(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM prompt");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
