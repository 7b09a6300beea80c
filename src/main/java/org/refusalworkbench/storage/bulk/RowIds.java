package org.refusalworkbench.storage.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The import holds the write lock from its first statement, so it can hand out row ids itself: a plain insert
 * whose update count says whether the row was new is much cheaper through JDBC than one returning its id.
 */
final class RowIds {

    private RowIds() {
    }

    static long next(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT coalesce(max(id), 0) + 1 FROM " + table);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
