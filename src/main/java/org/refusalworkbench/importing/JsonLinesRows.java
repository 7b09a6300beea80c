package org.refusalworkbench.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.refusalworkbench.fileio.JsonLineReader;
import org.refusalworkbench.fileio.StrictLineReader;

/** JSON Lines: one object per line; blank lines are allowed and skipped. A bad line is passed over, not the file. */
final class JsonLinesRows implements RowSource {

    /** JSON Lines of responses may hold very long transcripts. */
    static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    private final JsonLineReader lines;
    private final String file;

    JsonLinesRows(InputStream in, String file, ObjectMapper json) {
        this.lines = new JsonLineReader(in, MAX_LINE_BYTES, json);
        this.file = file;
    }

    @Override
    public ObjectNode next() throws ImportException {
        try {
            JsonNode node = lines.next();
            if (node == null) {
                return null;
            }
            if (!node.isObject()) {
                throw new ImportException(file, lines.lineNumber(), "expected a JSON object, found "
                        + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                        + (node.isArray() && lines.lineNumber() == 1 ? " (a JSON array file must be named .json)"
                        : ""));
            }
            return (ObjectNode) node;
        } catch (StrictLineReader.LineException e) {
            String reason = e.kind() == StrictLineReader.LineException.Kind.INVALID_UTF8
                    ? "invalid UTF-8 (the file must be saved as UTF-8)" : e.reason();
            // A line too long is not read to its end, so what follows it is no row.
            return rethrow(e.kind() == StrictLineReader.LineException.Kind.TOO_LONG
                    ? ImportException.stoppingFile(file, e.line(), reason)
                    : new ImportException(file, e.line(), reason));
        } catch (IOException e) {
            throw ImportException.stoppingFile(file, lines.lineNumber() + 1, "cannot read: " + e.getMessage());
        }
    }

    private static ObjectNode rethrow(ImportException e) throws ImportException {
        throw e;
    }

    @Override
    public long position() {
        return lines.lineNumber();
    }

    @Override
    public Optional<List<String>> columns() {
        return Optional.empty();
    }

    @Override
    public long bytesRead() {
        return lines.bytesRead();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
