package org.refusalworkbench.importing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;

/**
 * Label Studio's JSON export of a Choices / TextArea labelling project: one task a row, its {@code data} the
 * prompt and response, each annotation one annotator's label. Without a mapping file a control's {@code from_name}
 * is the group's id and a choice the option's id or label (any case); a mapping file's {@code controls} say
 * otherwise, and its {@code fields} where in {@code data} our fields are. A TextArea is the annotator's note.
 *
 * <p>An annotation marked {@code ground_truth} is the gold label, by its author; cancelled annotations hold no
 * label and are left out; the task's {@code predictions} are kept in the response's meta.
 */
final class LabelStudioRowMapper implements RowMapper {

    /** Label Studio's own bookkeeping on a task: nothing a label needs. */
    private static final Set<String> TASK_FIELDS = Set.of("id", "data", "annotations", "predictions", "meta",
            "created_at", "updated_at", "inner_id", "total_annotations", "cancelled_annotations",
            "total_predictions", "comment_count", "unresolved_comment_count", "last_comment_updated_at", "project",
            "updated_by", "comment_authors", "file_upload", "drafts", "annotators", "agreement", "is_labeled",
            "overlap", "storage_filename");

    private final ImportContext context;
    private final ImportMapping mapping;
    private final NativeRowMapper builtRows;

    LabelStudioRowMapper(ImportContext context) throws ImportException {
        this.context = context;
        this.mapping = context.mapping();
        if (mapping != null) {
            MappedRowMapper.checkAgainstTaxonomy(mapping, context);
            for (Map.Entry<String, ImportMapping.Control> control : mapping.controls().entrySet()) {
                checkControl(control.getKey(), control.getValue());
            }
        }
        this.builtRows = new NativeRowMapper(context.forBuiltRows());
    }

    private void checkControl(String name, ImportMapping.Control control) throws ImportException {
        if (control.note()) {
            return;
        }
        String where = "controls." + name;
        TaxonomyGroup group = context.taxonomy().group(control.group()).orElseThrow(() -> ImportException.stoppingFile(
                mapping.file(), 0, where + ".group: no group '" + control.group() + "' in the project's taxonomy"));
        for (Map.Entry<String, String> choice : control.choices().entrySet()) {
            if (group.option(choice.getValue()).isEmpty()) {
                throw ImportException.stoppingFile(mapping.file(), 0, where + ".choices." + choice.getKey()
                        + ": group '" + group.id() + "' has no option '" + choice.getValue() + "'");
            }
        }
    }

    @Override
    public List<ResponseRecord> map(ObjectNode task, long line) throws ImportException {
        for (Iterator<String> names = task.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TASK_FIELDS.contains(name)) {
                throw context.error(line, "unknown task field '" + name + "' for a Label Studio export");
            }
        }
        JsonNode data = task.get("data");
        if (data == null || !data.isObject()) {
            throw context.error(line, "data: a Label Studio task needs its data object");
        }
        ObjectNode built = fields((ObjectNode) data, line);
        if (task.hasNonNull("id") && !built.has("id")) {
            built.put("id", "label-studio-task-" + task.get("id").asText());
        }
        ObjectNode labels = built.objectNode();
        ObjectNode promptLabels = built.objectNode();
        JsonNode annotations = task.get("annotations");
        if (annotations != null && !annotations.isNull()) {
            if (!annotations.isArray()) {
                throw context.error(line, "annotations: must be a list");
            }
            for (int i = 0; i < annotations.size(); i++) {
                annotation(annotations.get(i), "annotations[" + i + "]", line, built, labels, promptLabels);
            }
        }
        if (!labels.isEmpty()) {
            built.set("labels", labels);
        }
        if (!promptLabels.isEmpty()) {
            built.set("prompt_labels", promptLabels);
        }
        ObjectNode meta = built.has("meta") ? (ObjectNode) built.get("meta") : built.objectNode();
        if (task.hasNonNull("predictions") && !task.get("predictions").isEmpty()) {
            meta.set("label_studio_predictions", task.get("predictions"));
        }
        if (task.hasNonNull("meta") && !task.get("meta").isEmpty()) {
            meta.set("label_studio_meta", task.get("meta"));
        }
        if (!meta.isEmpty()) {
            built.set("meta", meta);
        }
        return builtRows.map(built, line);
    }

    /** Our fields from the task's data: through the mapping's paths, else by their own names. */
    private ObjectNode fields(ObjectNode data, long line) throws ImportException {
        ObjectNode built = data.objectNode();
        Set<String> read = new LinkedHashSet<>();
        if (mapping != null && !mapping.fields().isEmpty()) {
            for (Map.Entry<String, List<FieldPath>> field : mapping.fields().entrySet()) {
                List<String> parts = new ArrayList<>();
                JsonNode single = null;
                for (FieldPath path : field.getValue()) {
                    read.add(path.firstField());
                    JsonNode value = path.read(data);
                    if (value != null) {
                        single = value;
                        parts.add(value.asText().strip());
                    }
                }
                if (single != null) {
                    built.set(field.getKey(), field.getValue().size() > 1 ? data.textNode(String.join(" / ", parts))
                            : translate(field.getKey(), single, line));
                }
            }
            mapping.constants().forEach(built::put);
            read.addAll(mapping.ignore());
        } else {
            for (String field : ImportMapping.OUR_FIELDS) {
                if (data.has(field)) {
                    built.set(field, data.get(field));
                    read.add(field);
                }
            }
        }
        ObjectNode kept = data.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = data.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!read.contains(field.getKey())) {
                if (!context.keepUnknown()) {
                    throw context.error(line, "data." + field.getKey() + ": not one of our fields (map it with a"
                            + " mapping file's \"fields\", or give --keep-unknown)");
                }
                kept.set(field.getKey(), field.getValue());
            }
        }
        if (!kept.isEmpty()) {
            built.set("meta", kept);
        }
        return built;
    }

    private JsonNode translate(String field, JsonNode value, long line) throws ImportException {
        Map<String, String> values = mapping.values().get(field);
        if (values == null) {
            return value;
        }
        String ours = values.get(value.asText());
        if (ours == null) {
            throw context.error(line, "data: " + field + " value '" + value.asText() + "' is not in the mapping's"
                    + " values (" + String.join(", ", values.keySet()) + ")");
        }
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(ours);
    }

    private void annotation(JsonNode annotation, String where, long line, ObjectNode built, ObjectNode labels,
                            ObjectNode promptLabels) throws ImportException {
        if (!annotation.isObject()) {
            throw context.error(line, where + ": must be an object");
        }
        if (annotation.path("was_cancelled").asBoolean(false)) {
            return;
        }
        String person = person(annotation.get("completed_by"), where, line);
        Map<String, Set<String>> response = new LinkedHashMap<>();
        Map<String, Set<String>> prompt = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        JsonNode results = annotation.get("result");
        if (results == null || !results.isArray()) {
            throw context.error(line, where + ".result: must be a list of results");
        }
        for (int j = 0; j < results.size(); j++) {
            String at = where + ".result[" + j + "]";
            JsonNode result = results.get(j);
            String type = result.path("type").asText("");
            String control = result.path("from_name").asText("");
            JsonNode value = result.path("value");
            if (type.equals("textarea") || isNote(control)) {
                for (JsonNode text : value.path("text")) {
                    notes.add(text.asText());
                }
                continue;
            }
            if (!type.equals("choices")) {
                throw context.error(line, at + ".type: '" + type + "' results cannot be read; only choices and"
                        + " textarea");
            }
            TaxonomyGroup group = group(control, at, line);
            Set<String> options = (group.level() == GroupLevel.PROMPT ? prompt : response)
                    .computeIfAbsent(group.id(), id -> new LinkedHashSet<>());
            for (JsonNode choice : value.path("choices")) {
                options.add(option(control, group, choice.asText(), at, line));
            }
        }
        String note = notes.isEmpty() ? null : String.join("\n", notes);
        if (annotation.path("ground_truth").asBoolean(false)) {
            ObjectNode gold = built.putObject("gold");
            gold.put("reviewer", person);
            gold.set("selections", selections(response, built));
            if (note != null) {
                gold.put("reason", note);
            }
            return;
        }
        if (labels.has(person) || promptLabels.has(person)) {
            throw context.error(line, where + ": a second annotation by " + person + " of one task");
        }
        ObjectNode label = labels.putObject(person);
        label.set("selections", selections(response, built));
        if (note != null) {
            label.put("note", note);
        }
        if (!prompt.isEmpty()) {
            promptLabels.putObject(person).set("selections", selections(prompt, built));
        }
    }

    private boolean isNote(String control) {
        if (mapping != null && mapping.controls().containsKey(control)) {
            return mapping.controls().get(control).note();
        }
        return false;
    }

    private static ObjectNode selections(Map<String, Set<String>> byGroup, ObjectNode factory) {
        ObjectNode selections = factory.objectNode();
        byGroup.forEach((group, options) -> {
            ArrayNode list = selections.putArray(group);
            options.forEach(list::add);
        });
        return selections;
    }

    private TaxonomyGroup group(String control, String at, long line) throws ImportException {
        if (mapping != null && mapping.controls().containsKey(control)) {
            return context.taxonomy().group(mapping.controls().get(control).group()).orElseThrow();
        }
        Optional<TaxonomyGroup> byId = context.taxonomy().group(control);
        if (byId.isPresent()) {
            return byId.get();
        }
        return context.taxonomy().groups().stream()
                .filter(group -> group.label().equalsIgnoreCase(control)).findFirst()
                .orElseThrow(() -> context.error(line, at + ".from_name: control '" + control + "' is no group of"
                        + " the taxonomy; name it in a mapping file's \"controls\""));
    }

    private String option(String control, TaxonomyGroup group, String choice, String at, long line)
            throws ImportException {
        if (mapping != null && mapping.controls().containsKey(control)) {
            String option = mapping.controls().get(control).choices().get(choice);
            if (option == null) {
                throw context.error(line, at + ".value.choices: '" + choice + "' is not in the mapping's choices for"
                        + " control '" + control + "'");
            }
            return option;
        }
        String wanted = choice.strip().toLowerCase(Locale.ROOT);
        for (TaxonomyOption option : group.options()) {
            if (option.id().equalsIgnoreCase(wanted) || option.label().toLowerCase(Locale.ROOT).equals(wanted)) {
                return option.id();
            }
        }
        throw context.error(line, at + ".value.choices: '" + choice + "' is no option of group '" + group.id()
                + "'; name it in a mapping file's \"controls\"");
    }

    /** Label Studio writes the annotator as a user id, or in some exports as an object with the e-mail. */
    private String person(JsonNode completedBy, String where, long line) throws ImportException {
        if (completedBy == null || completedBy.isNull()) {
            throw context.error(line, where + ".completed_by: required, to tell whose label this is");
        }
        if (completedBy.isObject()) {
            if (completedBy.hasNonNull("email")) {
                return completedBy.get("email").asText();
            }
            completedBy = completedBy.get("id");
            if (completedBy == null) {
                throw context.error(line, where + ".completed_by: an object without email or id");
            }
        }
        return "label-studio-user-" + completedBy.asText();
    }
}
