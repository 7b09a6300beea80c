package org.refusalworkbench.fileio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads text that must hold exactly one JSON value made of real text. Jackson on its own stops after the first value
 * and ignores the rest, so two records on one line would import as one; and it decodes an escaped lone surrogate
 * ({@code "\ud800"}) into a char that the database's UTF-8 conversion stores as {@code ?}, so different texts would
 * be stored as one. Both are refused here, never rewritten.
 */
public final class OneJsonValue {

    /** Text that is JSON but not one value of text: a second value follows the first, or a lone surrogate. */
    public static final class NotOneValueException extends Exception {
        private static final long serialVersionUID = 1L;

        private final boolean secondValue;

        NotOneValueException(String reason, boolean secondValue) {
            super(reason);
            this.secondValue = secondValue;
        }

        /** Whether the problem is a second value after the first (else a lone surrogate). */
        public boolean secondValue() {
            return secondValue;
        }
    }

    private OneJsonValue() {
    }

    /**
     * @param path where the text sits (a CSV column's name, or empty for a whole line), to name a field in errors
     * @throws JsonProcessingException for text that is not JSON, or holds no value
     */
    public static JsonNode read(ObjectMapper json, String text, String path)
            throws JsonProcessingException, NotOneValueException {
        JsonNode value;
        try (JsonParser parser = json.createParser(text)) {
            value = json.readTree(parser);
            if (value == null) {
                throw new JsonParseException(parser, "no JSON value");
            }
            if (parser.nextToken() != null) {
                throw new NotOneValueException("a second JSON value follows the first at character "
                        + parser.currentTokenLocation().getColumnNr(), true);
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string", e);
        }
        // A decoded line or cell of strict UTF-8 holds only whole characters; a lone surrogate can only come from an
        // escape, so text without one needs no walk through its strings.
        if (text.contains("\\u")) {
            String problem = loneSurrogate(value, path);
            if (problem != null) {
                throw new NotOneValueException(problem, false);
            }
        }
        return value;
    }

    /** @return the index of the first surrogate char that is not half of a pair, or -1 */
    public static int loneSurrogateAt(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String loneSurrogate(JsonNode node, String path) {
        if (node.isTextual()) {
            int at = loneSurrogateAt(node.textValue());
            return at < 0 ? null : (path.isEmpty() ? "the value" : "'" + path + "'") + " holds "
                    + describe(node.textValue().charAt(at));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String problem = loneSurrogate(node.get(i), path + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                int at = loneSurrogateAt(field.getKey());
                if (at >= 0) {
                    return "a field name" + (path.isEmpty() ? "" : " in '" + path + "'") + " holds "
                            + describe(field.getKey().charAt(at));
                }
                String problem = loneSurrogate(field.getValue(), path.isEmpty() ? field.getKey()
                        : path + "." + field.getKey());
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String describe(char surrogate) {
        return String.format(Locale.ROOT, "\\u%04x", (int) surrogate) + ", half of a UTF-16 surrogate pair without"
                + " its other half, which is not text and cannot be stored as written";
    }
}
