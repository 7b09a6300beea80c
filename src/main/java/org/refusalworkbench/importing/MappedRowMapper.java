package org.refusalworkbench.importing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.refusalworkbench.fileio.OneJsonValue;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.TaxonomyGroup;

/**
 * Reads rows of any shape through a mapping file: each of our fields from its path, their values as ours, label
 * columns as annotators' options. The row it builds is then read as our own format, so every check of that format
 * holds here too. A row's field that no path reads and the mapping does not ignore is an error (or kept in meta).
 */
final class MappedRowMapper implements RowMapper {

    private final ImportContext context;
    private final ImportMapping mapping;
    private final Set<String> readFields;
    private final RowMapper builtRows;

    MappedRowMapper(ImportContext context) throws ImportException {
        this.context = context;
        this.mapping = context.mapping();
        if (mapping == null) {
            throw ImportException.stoppingFile(context.file(), 0, "the mapped format needs a mapping file: give"
                    + " --map FILE (see docs/importing.md)");
        }
        checkAgainstTaxonomy(mapping, context);
        this.readFields = mapping.readFields();
        this.builtRows = mapping.readsPairs() ? new PreferenceRowMapper(context.forBuiltRows())
                : new NativeRowMapper(context.forBuiltRows());
    }

    /** A label rule naming a group or option the project lacks is the mapping file's mistake, said before any row. */
    static void checkAgainstTaxonomy(ImportMapping mapping, ImportContext context) throws ImportException {
        for (int i = 0; i < mapping.labels().size(); i++) {
            ImportMapping.LabelRule rule = mapping.labels().get(i);
            String where = "labels[" + i + "]";
            TaxonomyGroup group = context.taxonomy().group(rule.group()).orElseThrow(() ->
                    ImportException.stoppingFile(mapping.file(), 0, where + ".group: no group '" + rule.group()
                            + "' in the project's taxonomy " + context.taxonomy().id()));
            for (Map.Entry<String, List<String>> value : rule.values().entrySet()) {
                for (String option : value.getValue()) {
                    if (group.option(option).isEmpty()) {
                        throw ImportException.stoppingFile(mapping.file(), 0, where + ".values." + value.getKey()
                                + ": group '" + group.id() + "' has no option '" + option + "'");
                    }
                }
            }
        }
    }

    @Override
    public List<ResponseRecord> map(ObjectNode row, long line) throws ImportException {
        ObjectNode built = row.objectNode();
        ObjectNode kept = row.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = row.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!readFields.contains(field.getKey()) && !mapping.ignore().contains(field.getKey())) {
                if (!context.keepUnknown()) {
                    throw context.error(line, "field '" + field.getKey() + "' is not read by the mapping "
                            + mapping.file() + " (map it, add it to \"ignore\", or give --keep-unknown)");
                }
                kept.set(field.getKey(), field.getValue());
            }
        }
        for (Map.Entry<String, List<FieldPath>> field : mapping.fields().entrySet()) {
            JsonNode value = field.getKey().equals("category") ? category(row, field.getValue())
                    : read(row, field.getValue().get(0), holdsJson(field.getKey()), line);
            if (value != null) {
                built.set(field.getKey(), translate(field.getKey(), value, field.getValue().get(0), line));
            }
        }
        mapping.constants().forEach(built::put);
        ObjectNode labels = built.objectNode();
        ObjectNode promptLabels = built.objectNode();
        labels(row, line, labels, promptLabels);
        if (!labels.isEmpty()) {
            built.set("labels", labels);
        }
        if (!promptLabels.isEmpty()) {
            built.set("prompt_labels", promptLabels);
        }
        if (!kept.isEmpty()) {
            built.set("meta", kept);
        }
        return builtRows.map(built, line);
    }

    /** Label columns, gathered per annotator: one label each, whatever number of columns it comes from. */
    private void labels(ObjectNode row, long line, ObjectNode labels, ObjectNode promptLabels) throws ImportException {
        Map<String, Map<String, Set<String>>> byAnnotator = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> promptByAnnotator = new LinkedHashMap<>();
        for (ImportMapping.LabelRule rule : mapping.labels()) {
            JsonNode value = read(row, rule.path(), false, line);
            if (value == null) {
                continue;
            }
            if (!value.isValueNode()) {
                throw context.error(line, rule.path() + ": a label column holds one value, found " + value);
            }
            List<String> options = rule.values().get(value.asText());
            if (options == null) {
                throw context.error(line, rule.path() + ": value '" + value.asText() + "' is not in the mapping's"
                        + " values for it (" + String.join(", ", rule.values().keySet()) + ")");
            }
            boolean promptLevel = context.taxonomy().group(rule.group()).orElseThrow().level() == GroupLevel.PROMPT;
            (promptLevel ? promptByAnnotator : byAnnotator).computeIfAbsent(rule.annotator(),
                    name -> new LinkedHashMap<>()).computeIfAbsent(rule.group(), group -> new LinkedHashSet<>())
                    .addAll(options);
        }
        put(byAnnotator, labels);
        put(promptByAnnotator, promptLabels);
    }

    private static void put(Map<String, Map<String, Set<String>>> byAnnotator, ObjectNode target) {
        byAnnotator.forEach((annotator, groups) -> {
            ObjectNode selections = target.putObject(annotator).putObject("selections");
            groups.forEach((group, options) -> {
                ArrayNode list = selections.putArray(group);
                options.forEach(list::add);
            });
        });
    }

    private JsonNode category(ObjectNode row, List<FieldPath> paths) {
        List<String> parts = new ArrayList<>();
        for (FieldPath path : paths) {
            JsonNode value = path.read(row);
            if (value != null && !value.asText().isBlank()) {
                parts.add(value.asText().strip());
            }
        }
        return parts.isEmpty() ? null : row.textNode(String.join(" / ", parts));
    }

    private JsonNode translate(String field, JsonNode value, FieldPath path, long line) throws ImportException {
        Map<String, String> values = mapping.values().get(field);
        if (values == null) {
            return value;
        }
        String ours = values.get(value.asText());
        if (ours == null) {
            throw context.error(line, path + ": value '" + value.asText() + "' is not in the mapping's values for "
                    + field + " (" + String.join(", ", values.keySet()) + ")");
        }
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(ours);
    }

    /** Fields that may hold a message list, which a CSV cell holds as JSON text. */
    private boolean holdsJson(String field) {
        return field.equals("messages") || (mapping.readsPairs() && Set.of("prompt", "chosen", "rejected")
                .contains(field));
    }

    /** The value at a path; in CSV an empty cell is none, and a transcript is JSON text in its cell. */
    private JsonNode read(ObjectNode row, FieldPath path, boolean json, long line) throws ImportException {
        JsonNode value = path.read(row);
        if (value == null || context.container() != Container.CSV || !value.isTextual()) {
            return value;
        }
        if (value.asText().isEmpty()) {
            return null;
        }
        if (!json) {
            return value;
        }
        if (!value.asText().stripLeading().startsWith("[")) {
            // A preference side in text form stays text; only a message list is JSON in its cell.
            return value;
        }
        try {
            return OneJsonValue.read(context.json(), value.asText(), path.text());
        } catch (JsonProcessingException e) {
            throw context.error(line, path + ": not valid JSON: " + e.getOriginalMessage());
        } catch (OneJsonValue.NotOneValueException e) {
            throw context.error(line, path + ": " + e.getMessage());
        }
    }
}
