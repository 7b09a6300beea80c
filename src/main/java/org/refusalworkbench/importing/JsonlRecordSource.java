package org.refusalworkbench.importing;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.refusalworkbench.fileio.JsonLineReader;
import org.refusalworkbench.fileio.StrictLineReader;

/** JSON Lines: one response object per line; blank lines are allowed and skipped. */
final class JsonlRecordSource implements RecordSource {

    /** JSON Lines of responses may hold very long transcripts. */
    static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    private final JsonLineReader lines;
    private final RecordMapper mapper;
    private final String file;
    private final ObjectMapper json;

    JsonlRecordSource(InputStream in, String file, ObjectMapper json) {
        this.lines = new JsonLineReader(in, MAX_LINE_BYTES, json);
        this.mapper = new RecordMapper(file);
        this.file = file;
        this.json = json;
    }

    @Override
    public ResponseRecord next() throws ImportException {
        try {
            JsonNode node = lines.next();
            return node == null ? null : mapper.map(node, lines.lineNumber());
        } catch (StrictLineReader.LineException e) {
            throw new ImportException(file, e.line(), e.kind() == StrictLineReader.LineException.Kind.INVALID_UTF8
                    ? "invalid UTF-8 (the file must be saved as UTF-8)" : e.reason());
        } catch (IOException e) {
            throw new ImportException(file, lines.lineNumber() + 1, "cannot read: " + e.getMessage());
        }
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
