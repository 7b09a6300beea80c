package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** What a report calls each prompt: its id in the imported file, else {@code #N} with the project's number. */
public final class PromptNames {

    private PromptNames() {
    }

    public static Map<Long, String> all(Connection connection) throws SQLException {
        Map<Long, String> names = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, external_id FROM prompt");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String external = rows.getString(2);
                names.put(rows.getLong(1), external == null || external.isBlank() ? "#" + rows.getLong(1) : external);
            }
        }
        return names;
    }
}
