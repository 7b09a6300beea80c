package org.refusalworkbench.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.refusalworkbench.fileio.OneJsonValue;

/** CSV with the JSONL field names as columns; transcripts, metadata and labels are JSON text in their cells. */
final class CsvRecordSource implements RecordSource {

    /** The header of XSTest's prompt list, which people pick up beside the completion files. */
    private static final List<String> XSTEST_PROMPT_LIST_COLUMNS = List.of("id", "prompt", "type", "label", "focus");

    private final CsvRows rows;
    private final RecordMapper mapper;
    private final ObjectMapper json;
    private final String file;

    CsvRecordSource(InputStream in, String file, ObjectMapper json) throws ImportException {
        this.rows = new CsvRows(in, file);
        this.mapper = new RecordMapper(file);
        this.json = json;
        this.file = file;
        checkHeader(rows.header());
    }

    private void checkHeader(List<String> header) throws ImportException {
        if (header.containsAll(XSTEST_PROMPT_LIST_COLUMNS) && !header.contains("completion")) {
            throw new ImportException(file, 1, "this is XSTest's list of prompts, with no model responses to label;"
                    + " import the completion files (xstest_v2_completions_MODEL.csv) instead");
        }
        for (String column : header) {
            if (!RecordMapper.FIELDS.contains(column)) {
                throw new ImportException(file, 1, "unknown column '" + column + "' (known columns: "
                        + String.join(", ", new TreeSet<>(RecordMapper.FIELDS)) + ")");
            }
        }
        if (header.stream().distinct().count() != header.size()) {
            throw new ImportException(file, 1, "a column name appears twice in the header");
        }
        for (String required : List.of("prompt", "model")) {
            if (!header.contains(required)) {
                throw new ImportException(file, 1, "missing required column '" + required + "'");
            }
        }
        if (!header.contains("response") && !header.contains("messages")) {
            throw new ImportException(file, 1, "missing column 'response' (or 'messages')");
        }
    }

    @Override
    public ResponseRecord next() throws ImportException {
        String[] cells = rows.next();
        if (cells == null) {
            return null;
        }
        long line = rows.currentLine();
        ObjectNode node = json.createObjectNode();
        List<String> header = rows.header();
        for (int i = 0; i < cells.length; i++) {
            String column = header.get(i);
            String cell = cells[i];
            if (cell.isEmpty()) {
                continue;
            }
            if (RecordMapper.JSON_VALUED_FIELDS.contains(column)) {
                try {
                    node.set(column, OneJsonValue.read(json, cell, column));
                } catch (JsonProcessingException e) {
                    throw new ImportException(file, line, "column '" + column + "' is not valid JSON: "
                            + e.getOriginalMessage());
                } catch (OneJsonValue.NotOneValueException e) {
                    throw new ImportException(file, line, e.secondValue() ? "column '" + column + "': "
                            + e.getMessage() : e.getMessage());
                }
            } else {
                node.put(column, cell);
            }
        }
        return mapper.map(node, line);
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
