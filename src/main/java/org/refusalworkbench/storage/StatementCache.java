package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements of one connection kept for reuse, keyed by their SQL. Preparing costs more than running
 * most of the small statements that write a label, so bulk work (the labels of an import or a merge) holds one
 * cache for its whole transaction; closing the cache closes every statement in it.
 */
public final class StatementCache implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    public StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** The statement for {@code sql}, prepared on first use; callers close its result sets, never the statement. */
    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        statements.clear();
        if (first != null) {
            throw first;
        }
    }
}
