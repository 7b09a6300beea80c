package org.refusalworkbench.importing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.refusalworkbench.fileio.OneJsonValue;

/**
 * A refusal benchmark's released file, read by turning each of its rows into rows of our own format (or TRL's
 * preference format), so every check of ours holds for it too. The benchmark's fields are strict: one it does not
 * document is an error, or kept in meta with {@code --keep-unknown}. How each benchmark's labels become ours is
 * in docs/importing.md.
 */
abstract class BenchmarkRowMapper implements RowMapper {

    protected final ImportContext context;
    private final RowMapper ours;

    BenchmarkRowMapper(ImportContext context, boolean pairs) {
        this.context = context;
        this.ours = pairs ? new PreferenceRowMapper(context.forBuiltRows())
                : new NativeRowMapper(context.forBuiltRows());
    }

    /** The benchmark's name, as messages say it. */
    abstract String benchmark();

    /** The fields its documented rows have. */
    abstract Set<String> knownFields();

    /**
     * Our rows for one of its rows.
     *
     * @param meta its fields we do not read, with {@code --keep-unknown}; to go into each built row's meta
     */
    abstract List<ObjectNode> build(ObjectNode row, ObjectNode meta, long line) throws ImportException;

    @Override
    public void checkColumns(List<String> columns, String file) throws ImportException {
        if (context.keepUnknown()) {
            return;
        }
        for (String column : columns) {
            if (!knownFields().contains(column)) {
                throw ImportException.stoppingFile(file, 1, unknown(column));
            }
        }
    }

    @Override
    public final List<ResponseRecord> map(ObjectNode row, long line) throws ImportException {
        ObjectNode kept = row.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = row.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!knownFields().contains(field.getKey())) {
                if (!context.keepUnknown()) {
                    throw context.error(line, unknown(field.getKey()));
                }
                kept.set(field.getKey(), field.getValue());
            }
        }
        List<ResponseRecord> records = new ArrayList<>();
        for (ObjectNode built : build(row, kept, line)) {
            records.addAll(ours.map(built, line));
        }
        return records;
    }

    private String unknown(String field) {
        return "unknown field '" + field + "' for " + benchmark() + " (its fields: " + String.join(", ",
                new TreeSet<>(knownFields())) + "; --keep-unknown keeps others in meta)";
    }

    /** A field that must hold text; a number (an id, say) reads as its text. */
    protected String required(ObjectNode row, String field, long line) throws ImportException {
        String value = optional(row, field, line);
        if (value == null) {
            throw context.error(line, "missing required field '" + field + "'");
        }
        return value;
    }

    /** A text field or none: JSON null, an empty CSV cell and a missing field are all "not given". */
    protected String optional(ObjectNode row, String field, long line) throws ImportException {
        JsonNode value = row.get(field);
        if (value == null || value.isNull() || (context.container() == Container.CSV && value.asText().isEmpty())) {
            return null;
        }
        if (!value.isValueNode()) {
            throw context.error(line, "field '" + field + "' must be text, found " + kind(value));
        }
        return value.asText();
    }

    /** A field that holds a list or an object; in a CSV cell, as JSON text. */
    protected JsonNode structured(ObjectNode row, String field, long line) throws ImportException {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            throw context.error(line, "missing required field '" + field + "'");
        }
        if (value.isTextual() && context.container() == Container.CSV) {
            try {
                return OneJsonValue.read(context.json(), value.asText(), field);
            } catch (JsonProcessingException e) {
                throw context.error(line, "field '" + field + "': not valid JSON: " + e.getOriginalMessage());
            } catch (OneJsonValue.NotOneValueException e) {
                throw context.error(line, "field '" + field + "': " + e.getMessage());
            }
        }
        return value;
    }

    /** Reads a value through a fixed table; a value the benchmark does not document is named with the ones it does. */
    protected static <T> T lookUp(Map<String, T> table, String value, String field, long line, ImportContext context)
            throws ImportException {
        T ours = table.get(value);
        if (ours == null) {
            throw context.error(line, "field '" + field + "': value '" + value + "' is not one of "
                    + String.join(", ", new TreeSet<>(table.keySet())));
        }
        return ours;
    }

    /** Puts one annotator's options of one group into a built row's {@code labels} or {@code prompt_labels}. */
    protected static void select(ObjectNode built, String target, String annotator, String group,
                                 List<String> options) {
        if (options.isEmpty()) {
            return;
        }
        ObjectNode labels = built.has(target) ? (ObjectNode) built.get(target) : built.putObject(target);
        ObjectNode mine = labels.has(annotator) ? (ObjectNode) labels.get(annotator) : labels.putObject(annotator);
        ObjectNode selections = mine.has("selections") ? (ObjectNode) mine.get("selections")
                : mine.putObject("selections");
        ArrayNode list = selections.has(group) ? (ArrayNode) selections.get(group) : selections.putArray(group);
        options.forEach(list::add);
    }

    /** {@code "A / B"} from the parts given, the category path our prompts keep. */
    protected static String categoryPath(String... parts) {
        List<String> given = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                given.add(part.strip());
            }
        }
        return given.isEmpty() ? null : String.join(" / ", given);
    }

    private static String kind(JsonNode value) {
        return value.isArray() ? "a list" : "an object";
    }
}
