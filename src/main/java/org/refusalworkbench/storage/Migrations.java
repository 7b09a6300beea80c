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

    static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__content_id_indexes.sql", "V3__judges.sql",
            "V4__gold_reviews.sql", "V5__project_settings.sql");
    static final int LATEST = SCRIPTS.size();
    private static final String FOLDER = "/org/refusalworkbench/db/";

    private Migrations() {
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery(SqliteDialect.USER_VERSION)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /**
     * Brings the schema up to date in one transaction: a failed upgrade leaves the file as it was. Foreign keys are
     * off while the scripts run, because rebuilding a table drops the one other tables refer to; they are checked
     * before the commit instead.
     */
    static void migrate(Connection connection) throws SQLException {
        int current = userVersion(connection);
        if (current >= LATEST) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        try (Statement statement = connection.createStatement()) {
            statement.execute(SqliteDialect.FOREIGN_KEYS_OFF);
            connection.setAutoCommit(false);
            try {
                for (int version = current + 1; version <= LATEST; version++) {
                    for (String sql : splitStatements(script(SCRIPTS.get(version - 1)))) {
                        statement.execute(sql);
                    }
                    statement.execute(SqliteDialect.setUserVersion(version));
                }
                refuseBrokenReferences(statement);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
                statement.execute(SqliteDialect.FOREIGN_KEYS_ON);
            }
        }
    }

    private static void refuseBrokenReferences(Statement statement) throws SQLException {
        try (var rows = statement.executeQuery(SqliteDialect.FOREIGN_KEY_CHECK)) {
            if (rows.next()) {
                throw new SQLException("schema upgrade would break a reference: row " + rows.getLong(2) + " of "
                        + rows.getString(1) + " refers to a missing row of " + rows.getString(3));
            }
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
