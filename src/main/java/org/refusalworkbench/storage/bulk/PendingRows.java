package org.refusalworkbench.storage.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * New prompt and response rows of an import into empty tables, written as multi-row INSERTs. Through the JDBC
 * driver each statement execution costs a few microseconds besides SQLite's own work, which a million single-row
 * inserts paid a million times; 64 rows a statement cut that to a sixtieth. Rows are written prompts first, so a
 * response never reaches the table before its prompt; whoever reads the tables or writes rows that refer to them
 * calls {@link #flush} first.
 */
final class PendingRows implements AutoCloseable {

    static final int ROWS_PER_STATEMENT = 64;
    static final String INSERT_PROMPT = "INSERT INTO prompt (id, uid, external_id, text, category, safety) VALUES ";
    static final int PROMPT_COLUMNS = 6;
    static final String INSERT_RESPONSE = "INSERT INTO response (id, uid, prompt_id, external_id, model, sample, text,"
            + " transcript_json, meta_json) VALUES ";
    static final int RESPONSE_COLUMNS = 9;
    /** A few long transcripts fill a statement long before 64 rows do: SQLite copies every bound text. */
    private static final long MAX_PENDING_CHARS = 4L << 20;

    private final Table prompts;
    private final Table responses;

    PendingRows(Connection connection) {
        this.prompts = new Table(connection, INSERT_PROMPT, PROMPT_COLUMNS);
        this.responses = new Table(connection, INSERT_RESPONSE, RESPONSE_COLUMNS);
    }

    /** "(?, ?, ?), (?, ?, ?)": the VALUES of {@code rows} rows of {@code columns} columns. */
    static String placeholders(int columns, int rows) {
        String row = "(" + "?, ".repeat(columns - 1) + "?)";
        return String.join(", ", java.util.Collections.nCopies(rows, row));
    }

    /** Binds {@code row} to the statement's parameters from {@code first} on; returns the next free one. */
    static int bind(PreparedStatement statement, int first, Object[] row) throws SQLException {
        int parameter = first;
        for (Object value : row) {
            statement.setObject(parameter++, value);
        }
        return parameter;
    }

    void addPrompt(Object... values) throws SQLException {
        if (prompts.add(values)) {
            flush();
        }
    }

    void addResponse(Object... values) throws SQLException {
        if (responses.add(values)) {
            flush();
        }
    }

    /** Writes every pending row, prompts first. */
    void flush() throws SQLException {
        prompts.flush();
        responses.flush();
    }

    @Override
    @SuppressWarnings("try") // the resources are only there to be closed, each even if another fails
    public void close() throws SQLException {
        try (PreparedStatement a = prompts.one; PreparedStatement b = prompts.many;
             PreparedStatement c = responses.one; PreparedStatement d = responses.many) {
            // all closed, each even if another fails
        }
    }

    /** One table's pending rows and the two statements that write them: 64 rows at a time, or one. */
    private static final class Table {
        private final Connection connection;
        private final String insertInto;
        private final int columns;
        private final List<Object[]> rows = new ArrayList<>(ROWS_PER_STATEMENT);
        private long chars;
        private PreparedStatement one;
        private PreparedStatement many;

        Table(Connection connection, String insertInto, int columns) {
            this.connection = connection;
            this.insertInto = insertInto;
            this.columns = columns;
        }

        /** @return whether the table now holds as much as one statement should carry */
        boolean add(Object[] values) {
            if (values.length != columns) {
                throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
            }
            rows.add(values);
            for (Object value : values) {
                if (value instanceof String text) {
                    chars += text.length();
                }
            }
            return rows.size() == ROWS_PER_STATEMENT || chars >= MAX_PENDING_CHARS;
        }

        void flush() throws SQLException {
            int written = 0;
            if (rows.size() == ROWS_PER_STATEMENT) {
                if (many == null) {
                    many = connection.prepareStatement(insertInto + placeholders(columns, ROWS_PER_STATEMENT));
                }
                write(many, 0, ROWS_PER_STATEMENT);
                written = ROWS_PER_STATEMENT;
            }
            for (; written < rows.size(); written++) {
                if (one == null) {
                    one = connection.prepareStatement(insertInto + placeholders(columns, 1));
                }
                write(one, written, 1);
            }
            rows.clear();
            chars = 0;
        }

        private void write(PreparedStatement statement, int from, int count) throws SQLException {
            int parameter = 1;
            for (int r = from; r < from + count; r++) {
                parameter = bind(statement, parameter, rows.get(r));
            }
            statement.executeUpdate();
        }
    }
}
