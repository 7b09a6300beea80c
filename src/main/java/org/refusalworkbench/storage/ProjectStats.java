package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts that describe a project. Annotators are the people with labels; reviewers who only adjudicated are not
 * counted as annotators.
 */
public record ProjectStats(long prompts, long responses, long models, long annotators, long labels,
                           long intentLabels, long adjudications, Map<String, Long> responsesLabelledByAnnotator) {

    public static ProjectStats read(Connection connection) throws SQLException {
        Map<String, Long> perAnnotator = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT a.name, count(*) FROM label l"
                + " JOIN annotator a ON a.id = l.annotator_id GROUP BY a.name ORDER BY a.name");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                perAnnotator.put(rows.getString(1), rows.getLong(2));
            }
        }
        return new ProjectStats(
                count(connection, "SELECT count(*) FROM prompt"),
                count(connection, "SELECT count(*) FROM response"),
                count(connection, "SELECT count(DISTINCT model) FROM response"),
                count(connection, "SELECT count(*) FROM (SELECT annotator_id FROM label"
                        + " UNION SELECT annotator_id FROM prompt_label)"),
                count(connection, "SELECT count(*) FROM label"),
                count(connection, "SELECT count(*) FROM prompt_label"),
                count(connection, "SELECT count(*) FROM adjudication"),
                perAnnotator);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
