package org.refusalworkbench.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.refusalworkbench.fileio.StrictUtf8Reader;

/**
 * A JSON file holding one array of objects (Label Studio's export, {@code [{...},{...}]}), read element by element
 * so that a large export is read in constant memory. Each row's position is the line its object starts on.
 */
final class JsonArrayRows implements RowSource {

    private final CountingInputStream counting;
    private final JsonParser parser;
    private final ObjectMapper json;
    private final String file;
    private long position;
    private boolean ended;

    JsonArrayRows(InputStream in, String file, ObjectMapper json) throws ImportException {
        this.counting = new CountingInputStream(in);
        this.json = json;
        this.file = file;
        try {
            this.parser = json.getFactory().createParser(new StrictUtf8Reader(counting));
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw ImportException.stoppingFile(file, 1, first == null ? "the file is empty"
                        : "expected a JSON array of objects, found " + describe(first)
                        + " (a file of one object per line should be named .jsonl)");
            }
        } catch (IOException e) {
            throw failure(e, 1);
        }
    }

    @Override
    public ObjectNode next() throws ImportException {
        if (ended) {
            return null;
        }
        try {
            JsonToken token = parser.nextToken();
            position = parser.currentTokenLocation().getLineNr();
            if (token == JsonToken.END_ARRAY) {
                ended = true;
                if (parser.nextToken() != null) {
                    throw ImportException.stoppingFile(file, parser.currentTokenLocation().getLineNr(),
                            "more JSON after the end of the array");
                }
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                throw new ImportException(file, position, "expected a JSON object in the array, found "
                        + describe(token));
            }
            JsonNode node = json.readTree(parser);
            return (ObjectNode) node;
        } catch (IOException e) {
            ended = true;
            throw failure(e, position);
        }
    }

    private ImportException failure(IOException e, long line) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StrictUtf8Reader.InvalidUtf8Exception invalid) {
                return ImportException.stoppingFile(file, invalid.line(),
                        "invalid UTF-8 (the file must be saved as UTF-8)");
            }
        }
        if (e instanceof JsonEOFException) {
            return ImportException.stoppingFile(file, Math.max(line, 1), "the file ends inside the JSON array"
                    + " (it was cut short, or a bracket is missing)");
        }
        long at = e instanceof JsonProcessingException processing && processing.getLocation() != null
                ? processing.getLocation().getLineNr() : line;
        String message = e instanceof JsonProcessingException processing ? processing.getOriginalMessage()
                : e.getMessage();
        return ImportException.stoppingFile(file, Math.max(at, 1), "not valid JSON: " + message);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> token.toString().toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public Optional<List<String>> columns() {
        return Optional.empty();
    }

    @Override
    public long bytesRead() {
        return counting.count();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
