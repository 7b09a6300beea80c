package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The project's own id and name, which label files carry so a reader can tell which project they came from. */
public record ProjectIdentity(String uid, String name) {

    public static ProjectIdentity read(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT uid, name FROM project WHERE id = 1");
             ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
                throw new StorageException("the project file has no project row");
            }
            return new ProjectIdentity(rows.getString(1), rows.getString(2));
        }
    }
}
