package org.refusalworkbench.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyReader;

/** A fresh project in a temporary folder, with helpers to write input files and count rows. */
final class ImportFixture implements AutoCloseable {

    final Path folder;
    final ProjectDatabase database;

    ImportFixture(Path folder) {
        this(folder, TaxonomyReader.defaultTaxonomy());
    }

    ImportFixture(Path folder, Taxonomy taxonomy) {
        this.folder = folder;
        folder.toFile().mkdirs();
        this.database = ProjectFiles.create(folder.resolve("project.db"), taxonomy, "test");
    }

    Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    Path write(String name, byte[] content) throws IOException {
        return Files.write(folder.resolve(name), content);
    }

    ImportSummary importFiles(Path... files) throws ImportException {
        return new ResponseImporter(database).importFiles(List.of(files), null, null, ResponseImporter.Progress.NONE);
    }

    ImportSummary importFiles(ImportOptions options, Path... files) throws ImportException {
        return new ResponseImporter(database).importFiles(List.of(files), options, ResponseImporter.Progress.NONE);
    }

    /** The first value of a one-column query, as text. */
    String text(String sql) {
        return database.read(connection -> text(connection, sql));
    }

    long count(String table) {
        return database.read(connection -> count(connection, "SELECT count(*) FROM " + table));
    }

    /** The number a one-column query gives. */
    long number(String sql) {
        return database.read(connection -> count(connection, sql));
    }

    /** Row counts of every table an import writes, to prove a failed import left nothing behind. */
    List<Long> allCounts() {
        return List.of(count("prompt"), count("response"), count("annotator"), count("label"),
                count("label_selection"), count("prompt_label"), count("adjudication"), count("change_log"));
    }

    static String text(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
