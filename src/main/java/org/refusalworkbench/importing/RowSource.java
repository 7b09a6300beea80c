package org.refusalworkbench.importing;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One file's rows as JSON objects, whatever holds them: JSON Lines, a JSON array, CSV or Parquet. A format's
 * {@link RowMapper} reads the rows and never needs to know the container, so every format comes in every container.
 * CSV cells arrive as text; JSON and Parquet keep their types (a Parquet list of structs is a JSON array of objects).
 */
public interface RowSource extends AutoCloseable {

    /**
     * @return the next row, or {@code null} at the end
     * @throws ImportException for a row that cannot be read; unless {@link ImportException#stopsFile()}, the source
     *                         has moved past it and {@code next} may be called again
     */
    ObjectNode next() throws ImportException;

    /** Where the row last returned starts: its line for JSON Lines and CSV, its 1-based row number otherwise. */
    long position();

    /** The columns, for containers that declare them before the first row (CSV's header, Parquet's schema). */
    Optional<List<String>> columns();

    /** How far into the file reading has got, for progress bars. */
    long bytesRead();

    @Override
    void close() throws IOException;
}
