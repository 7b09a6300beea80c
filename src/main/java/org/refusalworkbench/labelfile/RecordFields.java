package org.refusalworkbench.labelfile;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.refusalworkbench.domain.Selections;

/** Typed, strict access to one JSON object of a label file, with errors that name the file, line and field. */
final class RecordFields {

    private static final Pattern CONTENT_ID = Pattern.compile("[0-9a-f]{32}");

    private final JsonNode node;
    private final String file;
    private final long line;
    private final String prefix;

    RecordFields(JsonNode node, String file, long line, String prefix) {
        this.node = node;
        this.file = file;
        this.line = line;
        this.prefix = prefix;
    }

    LabelFileException error(String reason) {
        return new LabelFileException(file, line, reason);
    }

    /** Unknown fields are errors: a misspelt field silently read as empty would lose labels. */
    void allowOnly(Set<String> fields) throws LabelFileException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw error("unknown field '" + prefix + name + "' (expected " + String.join(", ",
                        new TreeSet<>(fields)) + ")");
            }
        }
    }

    RecordFields object(String name) throws LabelFileException {
        JsonNode value = node.get(name);
        if (value == null || !value.isObject()) {
            throw error("'" + prefix + name + "' must be a JSON object");
        }
        return new RecordFields(value, file, line, prefix + name + ".");
    }

    String requiredText(String name) throws LabelFileException {
        String value = optionalText(name);
        if (value == null || value.isBlank()) {
            throw error("missing required field '" + prefix + name + "'");
        }
        return value;
    }

    String optionalText(String name) throws LabelFileException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw error("'" + prefix + name + "' must be a string");
        }
        return value.asText();
    }

    String contentId(String name) throws LabelFileException {
        String value = requiredText(name);
        if (!CONTENT_ID.matcher(value).matches()) {
            throw error("'" + prefix + name + "' must be a content id of 32 lowercase hex digits, found '" + value
                    + "'");
        }
        return value;
    }

    /**
     * A time no later than {@code latest}. A time far ahead is a wrong clock or a made-up value, and since the later
     * edit wins a merge, a label dated in the year 10000 would win every conflict after it.
     */
    Instant instant(String name, Instant latest) throws LabelFileException {
        String value = requiredText(name);
        Instant time;
        try {
            time = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw error("'" + prefix + name + "' must be an ISO-8601 UTC time such as 2024-05-01T09:30:00Z, found '"
                    + value + "'");
        }
        if (time.isAfter(latest)) {
            throw error("'" + prefix + name + "' is " + value + ", more than a day in the future; check the clock of"
                    + " the workstation that wrote this file");
        }
        return time;
    }

    /** The field's JSON value as written, or {@code null} when the field is absent. */
    JsonNode value(String name) {
        return node.get(name);
    }

    int nonNegativeInt(String name, int minimum) throws LabelFileException {
        JsonNode value = node.get(name);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < minimum) {
            throw error("'" + prefix + name + "' must be a whole number of at least " + minimum);
        }
        return value.asInt();
    }

    boolean bool(String name) throws LabelFileException {
        JsonNode value = node.get(name);
        if (value == null || !value.isBoolean()) {
            throw error("'" + prefix + name + "' must be true or false");
        }
        return value.asBoolean();
    }

    boolean has(String name) {
        return node.has(name);
    }

    /** Selections as an object of group id to an array of option ids. */
    Selections selections(String name) throws LabelFileException {
        JsonNode value = node.get(name);
        if (value == null || !value.isObject()) {
            throw error("'" + prefix + name + "' must be an object of group ids to arrays of option ids");
        }
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> groups = value.properties().iterator(); groups.hasNext(); ) {
            Map.Entry<String, JsonNode> group = groups.next();
            if (!group.getValue().isArray()) {
                throw error("'" + prefix + name + "." + group.getKey() + "' must be an array of option ids");
            }
            List<String> options = new ArrayList<>();
            for (JsonNode option : group.getValue()) {
                if (!option.isTextual()) {
                    throw error("'" + prefix + name + "." + group.getKey() + "' must hold option ids as strings");
                }
                options.add(option.asText());
            }
            byGroup.put(group.getKey(), options);
        }
        return Selections.of(byGroup);
    }
}
