package org.refusalworkbench.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Into an empty response table, building the secondary indexes once at the end (one sort each) is much cheaper
 * than updating them row by row. Their definitions are read back from the schema, so they cannot drift from the
 * migrations; all of it happens inside the import's transaction, so a failed import restores them too.
 */
final class DeferredIndexes {

    private final List<String> definitions;

    private DeferredIndexes(List<String> definitions) {
        this.definitions = definitions;
    }

    /** Drops the response table's secondary indexes if it is empty; otherwise does nothing. */
    static DeferredIndexes dropIfEmpty(Connection connection) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM response)")) {
            rows.next();
            if (!rows.getBoolean(1)) {
                return new DeferredIndexes(definitions);
            }
        }
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT name, sql FROM sqlite_master"
                + " WHERE type = 'index' AND tbl_name = 'response' AND sql IS NOT NULL ORDER BY name");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
                definitions.add(rows.getString(2));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("DROP INDEX \"" + name + "\"");
            }
        }
        return new DeferredIndexes(definitions);
    }

    void rebuild(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String definition : definitions) {
                statement.execute(definition);
            }
        }
    }
}
