package org.refusalworkbench.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Numbered SQL scripts applied in order; {@code PRAGMA user_version} records how many have run. A new schema
 * change is a new file appended to {@link #SCRIPTS}, never an edit of an old one.
 */
final class Migrations {

    static final List<String> SCRIPTS = List.of("V1__init.sql");
    static final int LATEST = SCRIPTS.size();
    private static final String FOLDER = "/org/refusalworkbench/db/";

    private Migrations() {
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /** Brings the schema up to date in one transaction: a failed upgrade leaves the file as it was. */
    static void migrate(Connection connection) throws SQLException {
        int current = userVersion(connection);
        if (current >= LATEST) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (int version = current + 1; version <= LATEST; version++) {
                for (String sql : splitStatements(script(SCRIPTS.get(version - 1)))) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + version);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String script(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    /** Our scripts hold no triggers or string literals with semicolons, so a split on ';' is exact. */
    static List<String> splitStatements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            withoutComments.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        return java.util.Arrays.stream(withoutComments.toString().split(";"))
                .map(String::strip).filter(sql -> !sql.isEmpty()).toList();
    }
}
