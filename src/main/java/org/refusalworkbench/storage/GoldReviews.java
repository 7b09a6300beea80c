package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * The responses whose gold label each reviewer has stood by: saved, whether the save changed the gold or confirmed
 * it as it was. Confirming imported gold changes nothing in {@code adjudication}, so without this a reviewer could
 * not tell what they have already checked.
 */
public final class GoldReviews {

    private GoldReviews() {
    }

    /** Records (or forgets, for an undo) that {@code reviewerId} has reviewed the gold of {@code responseId}. */
    public static void set(Connection connection, long responseId, long reviewerId, boolean reviewed)
            throws SQLException {
        String sql = reviewed
                ? "INSERT INTO gold_review (response_id, reviewer_id, reviewed_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (reviewer_id, response_id) DO UPDATE SET reviewed_at = excluded.reviewed_at"
                : "DELETE FROM gold_review WHERE response_id = ? AND reviewer_id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, responseId);
            statement.setLong(2, reviewerId);
            if (reviewed) {
                statement.setString(3, Timestamps.now());
            }
            statement.executeUpdate();
        }
    }

    public static boolean isReviewed(Connection connection, long responseId, long reviewerId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM gold_review WHERE reviewer_id = ? AND response_id = ?")) {
            query.setLong(1, reviewerId);
            query.setLong(2, responseId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Every response {@code reviewerId} has reviewed. */
    public static Set<Long> reviewedBy(Connection connection, long reviewerId) throws SQLException {
        Set<Long> reviewed = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT response_id FROM gold_review WHERE reviewer_id = ?")) {
            query.setLong(1, reviewerId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    reviewed.add(rows.getLong(1));
                }
            }
        }
        return reviewed;
    }
}
