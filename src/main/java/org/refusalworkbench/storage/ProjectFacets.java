package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The values the queue can be filtered by: the project's models and prompt categories. */
public record ProjectFacets(List<String> models, List<String> categories) {

    public ProjectFacets {
        models = List.copyOf(models);
        categories = List.copyOf(categories);
    }

    public static ProjectFacets read(Connection connection) throws SQLException {
        return new ProjectFacets(
                strings(connection, "SELECT DISTINCT model FROM response ORDER BY model"),
                strings(connection, "SELECT DISTINCT category FROM prompt WHERE category IS NOT NULL ORDER BY category"));
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
