package org.refusalworkbench.export;

import java.io.IOException;
import java.util.List;

/** Where a flat table's rows go: JSON Lines, CSV or Parquet, all with the columns the table declared. */
public interface TableSink extends AutoCloseable {

    /** The columns every row fills, in order. */
    List<TableColumn> columns();

    /**
     * @param values one value per column, in the columns' order, of the column's type; {@code null} only where the
     *               column is nullable
     */
    void row(Object... values) throws IOException;

    /** Finishes the file (Parquet writes its footer here); the caller's stream stays open. */
    @Override
    void close() throws IOException;
}
