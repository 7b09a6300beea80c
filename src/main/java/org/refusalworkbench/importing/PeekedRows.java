package org.refusalworkbench.importing;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rows whose field names are known before the first is mapped, so the format can be recognised: the container's
 * columns, or else the first readable row's fields. Rows that could not be read before it are reported in order
 * when reading starts, so recognising the format loses no problem and no row.
 */
final class PeekedRows implements RowSource {

    private final RowSource rows;
    private final Deque<Object> peeked = new ArrayDeque<>();
    private final Deque<Long> positions = new ArrayDeque<>();
    private long position;

    PeekedRows(RowSource rows) {
        this.rows = rows;
    }

    /** The columns, or the first readable row's field names (none for a file without rows). */
    Set<String> fieldNames() {
        if (rows.columns().isPresent()) {
            return new LinkedHashSet<>(rows.columns().get());
        }
        while (true) {
            try {
                ObjectNode row = rows.next();
                peeked.add(row == null ? End.END : row);
                positions.add(rows.position());
                if (row == null) {
                    return Set.of();
                }
                Set<String> names = new LinkedHashSet<>();
                row.fieldNames().forEachRemaining(names::add);
                return names;
            } catch (ImportException e) {
                peeked.add(e);
                positions.add(rows.position());
                if (e.stopsFile()) {
                    return Set.of();
                }
            }
        }
    }

    private enum End { END }

    @Override
    public ObjectNode next() throws ImportException {
        if (peeked.isEmpty()) {
            ObjectNode row = rows.next();
            position = rows.position();
            return row;
        }
        Object item = peeked.poll();
        position = positions.poll();
        if (item instanceof ImportException problem) {
            throw problem;
        }
        return item == End.END ? null : (ObjectNode) item;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public Optional<List<String>> columns() {
        return rows.columns();
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
