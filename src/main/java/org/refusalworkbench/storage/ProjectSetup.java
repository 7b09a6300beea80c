package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.refusalworkbench.taxonomy.InvalidTaxonomyException;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyReader;

/** The project row and its taxonomy: written once when a project is created, read on every open. */
public final class ProjectSetup {

    private ProjectSetup() {
    }

    public static void initialise(Connection connection, String name, Taxonomy taxonomy, String appVersion)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO project (id, uid, name, created_at, app_version) VALUES (1, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, name);
            insert.setString(3, Timestamps.now());
            insert.setString(4, appVersion);
            insert.executeUpdate();
        }
        addTaxonomy(connection, taxonomy);
    }

    /** Stores a taxonomy version; the newest one added is the project's current taxonomy. */
    public static void addTaxonomy(Connection connection, Taxonomy taxonomy) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO taxonomy (taxonomy_id, version,"
                + " content_hash, json, added_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING")) {
            insert.setString(1, taxonomy.id());
            insert.setString(2, taxonomy.version());
            insert.setString(3, taxonomy.contentHash());
            insert.setString(4, taxonomy.canonicalJson());
            insert.setString(5, Timestamps.now());
            insert.executeUpdate();
        }
    }

    public static Taxonomy currentTaxonomy(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT json FROM taxonomy ORDER BY id DESC LIMIT 1");
             ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
                throw new StorageException("the project has no taxonomy");
            }
            return new TaxonomyReader().read(rows.getString(1), "project taxonomy");
        } catch (InvalidTaxonomyException e) {
            throw new StorageException("the project's stored taxonomy is invalid: " + e.getMessage(), e);
        }
    }

    /** Gives the project another name, as one write on the writer thread. */
    public static void rename(ProjectDatabase database, String name) {
        database.writer().run(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE project SET name = ? WHERE id = 1")) {
                update.setString(1, name);
                update.executeUpdate();
            }
            return null;
        });
    }

    public static String projectName(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT name FROM project WHERE id = 1");
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getString(1) : "";
        }
    }
}
