package org.refusalworkbench.importing;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON Lines: one response object per line; blank lines are allowed and skipped. */
final class JsonlRecordSource implements RecordSource {

    private final Utf8LineReader lines;
    private final RecordMapper mapper;
    private final String file;
    private final ObjectMapper json;

    JsonlRecordSource(InputStream in, String file, ObjectMapper json) {
        this.lines = new Utf8LineReader(in, file);
        this.mapper = new RecordMapper(file);
        this.file = file;
        this.json = json;
    }

    @Override
    public ResponseRecord next() throws ImportException {
        try {
            String line;
            do {
                line = lines.readLine();
                if (line == null) {
                    return null;
                }
            } while (line.isBlank());
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JsonProcessingException e) {
                throw new ImportException(file, lines.lineNumber(), "not valid JSON: " + e.getOriginalMessage());
            }
            return mapper.map(node, lines.lineNumber());
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
