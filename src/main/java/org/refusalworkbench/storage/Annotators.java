package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Annotators and reviewers, by name; a name seen for the first time is added. */
public final class Annotators {
    private Annotators() {
    }

    public static long idFor(Connection connection, String name) throws SQLException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("annotator name must not be empty");
        }
        Long existing = find(connection, name);
        if (existing != null) {
            return existing;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO annotator (name, created_at) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, Timestamps.now());
            insert.executeUpdate();
        }
        return find(connection, name);
    }

    /**
     * The annotator's id for a project open read-only, where a new name cannot be added: a name never seen gets
     * an id no row has, so it finds no labels, and saving is refused by the read-only project itself.
     */
    public static long idForReading(ProjectDatabase database, String name) {
        Long existing = database.read(connection -> find(connection, name));
        return existing != null ? existing : -1;
    }

    public static Long find(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM annotator WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    /** The name of an annotator or reviewer by row id, or null. */
    public static String nameOf(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT name FROM annotator WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    public static List<String> names(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT name FROM annotator ORDER BY name");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
