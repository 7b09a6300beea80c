package org.refusalworkbench.importing;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A file of some format in some container: rows from the container, records from the format's mapper. */
final class ShapedRecordSource implements RecordSource {

    private final RowSource rows;
    private final RowMapper mapper;
    private final Deque<ResponseRecord> pending = new ArrayDeque<>();

    ShapedRecordSource(RowSource rows, RowMapper mapper, String file) throws ImportException {
        this.rows = rows;
        this.mapper = mapper;
        if (rows.columns().isPresent()) {
            mapper.checkColumns(rows.columns().get(), file);
        }
    }

    @Override
    public ResponseRecord next() throws ImportException {
        while (pending.isEmpty()) {
            ObjectNode row = rows.next();
            if (row == null) {
                return null;
            }
            pending.addAll(mapper.map(row, rows.position()));
        }
        return pending.poll();
    }

    @Override
    public long bytesRead() {
        return rows.bytesRead();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
