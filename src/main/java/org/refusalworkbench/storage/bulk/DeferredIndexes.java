package org.refusalworkbench.storage.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.refusalworkbench.storage.SqliteDialect;

/**
 * Into an empty prompt or response table, building the indexes once at the end (one sort each) is much cheaper than
 * updating them row by row. That includes the unique indexes on content ids, so while they are away the import
 * itself must catch a prompt or response repeated within it ({@link InsertedIds}). The definitions are read back
 * from the schema, so they cannot drift from the migrations; all of it happens inside the import's transaction,
 * so a failed import restores them too.
 */
final class DeferredIndexes {

    private static final List<String> TABLES = List.of("prompt", "response");
    /** Page cache while building, in KiB (negative: SQLite's unit for KiB). */
    private static final int SORT_CACHE_KIB = -2048;

    private final Set<String> tables;
    private final List<String> definitions;
    private boolean rebuilt;

    private DeferredIndexes(Set<String> tables, List<String> definitions) {
        this.tables = tables;
        this.definitions = definitions;
    }

    /** Drops the indexes of each of the prompt and response tables that is empty. */
    static DeferredIndexes dropWhereEmpty(Connection connection) throws SQLException {
        Set<String> emptyTables = new TreeSet<>();
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        for (String table : TABLES) {
            if (!isEmpty(connection, table)) {
                continue;
            }
            emptyTables.add(table);
            try (PreparedStatement query = connection.prepareStatement(SqliteDialect.INDEXES_OF_TABLE)) {
                query.setString(1, table);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                        definitions.add(rows.getString(2));
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("DROP INDEX \"" + name + "\"");
            }
        }
        return new DeferredIndexes(emptyTables, definitions);
    }

    private static boolean isEmpty(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + table + ")")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    /** Whether the table's indexes, its unique content-id index among them, are away until {@link #rebuild}. */
    boolean deferred(String table) {
        return !rebuilt && tables.contains(table);
    }

    boolean anyDeferred() {
        return !rebuilt && !tables.isEmpty();
    }

    /** Builds every dropped index; later calls do nothing. */
    void rebuild(Connection connection) throws SQLException {
        if (rebuilt) {
            return;
        }
        rebuilt = true;
        try (Statement statement = connection.createStatement()) {
            // SQLite sorts the keys of a new index in runs as large as the page cache, on the writer's helper
            // threads: a small cache gives every thread runs to sort. After a million-row import the six indexes
            // took about 2 s instead of 3.2 s this way.
            String cacheSize = pragmaValue(statement, SqliteDialect.CACHE_SIZE);
            statement.execute(SqliteDialect.cacheSize(SORT_CACHE_KIB));
            try {
                for (String definition : definitions) {
                    statement.execute(definition);
                }
            } finally {
                statement.execute(SqliteDialect.cacheSize(cacheSize));
            }
        }
    }

    private static String pragmaValue(Statement statement, String pragma) throws SQLException {
        try (ResultSet rows = statement.executeQuery(pragma)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
