package org.refusalworkbench.fileio;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.refusalworkbench.fileio.StrictLineReader.LineException;

/**
 * JSON Lines on top of {@link StrictLineReader}: blank lines skipped, each other line parsed as exactly one JSON
 * value whose strings are all text ({@link OneJsonValue}).
 */
public final class JsonLineReader implements AutoCloseable {

    private final StrictLineReader lines;
    private final ObjectMapper json;

    public JsonLineReader(InputStream in, int maxLineBytes, ObjectMapper json) {
        this.lines = new StrictLineReader(in, maxLineBytes);
        this.json = json;
    }

    /**
     * @return the next non-blank line's JSON value, or {@code null} at the end
     * @throws LineException for a line that is too long, not UTF-8, not JSON or not one value of text (a second value
     *                       after the first, a lone surrogate); a line that is not JSON and has no
     *                       line break after it is reported as {@link LineException.Kind#TRUNCATED_JSON}
     */
    public JsonNode next() throws IOException, LineException {
        String line;
        do {
            line = lines.readLine();
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        try {
            return OneJsonValue.read(json, line, "");
        } catch (JsonProcessingException e) {
            throw new LineException(lines.lineNumber(), lines.lastLineEnded() ? LineException.Kind.INVALID_JSON
                    : LineException.Kind.TRUNCATED_JSON, "not valid JSON: " + e.getOriginalMessage());
        } catch (OneJsonValue.NotOneValueException e) {
            throw new LineException(lines.lineNumber(), LineException.Kind.NOT_ONE_VALUE, e.secondValue()
                    ? e.getMessage() + "; each line holds one value" : e.getMessage());
        }
    }

    /** The line of the value last returned. */
    public long lineNumber() {
        return lines.lineNumber();
    }

    public long bytesRead() {
        return lines.bytesRead();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
