package org.refusalworkbench.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** CSV with a header row: each row an object of the header's names and the cells' text, empty cells included. */
final class CsvTableRows implements RowSource {

    private final CsvRows rows;
    private final ObjectMapper json;

    CsvTableRows(InputStream in, String file, ObjectMapper json) throws ImportException {
        this.rows = new CsvRows(in, file);
        this.json = json;
        List<String> header = rows.header();
        if (header.stream().distinct().count() != header.size()) {
            throw ImportException.stoppingFile(file, 1, "a column name appears twice in the header");
        }
    }

    @Override
    public ObjectNode next() throws ImportException {
        String[] cells = rows.next();
        if (cells == null) {
            return null;
        }
        ObjectNode row = json.createObjectNode();
        List<String> header = rows.header();
        for (int i = 0; i < cells.length; i++) {
            row.put(header.get(i), cells[i]);
        }
        return row;
    }

    @Override
    public long position() {
        return rows.currentLine();
    }

    @Override
    public Optional<List<String>> columns() {
        return Optional.of(rows.header());
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
