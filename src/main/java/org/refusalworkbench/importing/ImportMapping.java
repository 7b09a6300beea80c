package org.refusalworkbench.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A mapping file ({@code --map FILE}, docs/importing.md): where a file's rows keep our fields, how its values
 * read as ours, and which of its columns are labels. Read once, before any row; every mistake in it is named by
 * the mapping file and the path of the wrong entry.
 *
 * @param fields    our field → the paths it is read from (several only for {@code category}, joined by " / ")
 * @param constants our field → one value for every row (a model name, say)
 * @param values    our field → their value → ours ({@code prompt_label}'s "harmful" → "unsafe")
 * @param labels    label columns, each read as one annotator's options of one group
 * @param ignore    their top-level fields left out on purpose (all others must be mapped, or kept)
 * @param controls  Label Studio only: a control's {@code from_name} → the group and options its choices mean
 * @param judges    judge columns, each read as one judge's verdicts on one group by {@code judge --from FILE --map};
 *                  an import of the same rows leaves them to that and reads the rest
 */
public record ImportMapping(String file, ImportFormat format, Map<String, List<FieldPath>> fields,
                            Map<String, String> constants, Map<String, Map<String, String>> values,
                            List<LabelRule> labels, Set<String> ignore, Map<String, Control> controls,
                            List<JudgeRule> judges) {

    /** Our fields a mapping may fill. */
    static final Set<String> OUR_FIELDS = Set.of("prompt", "response", "messages", "model", "prompt_id", "id",
            "sample", "category", "prompt_label", "chosen", "rejected", "chosen_model", "rejected_model",
            "score_chosen", "score_rejected");
    /** The fields that make a mapped row a preference pair (read as TRL's format) instead of one response. */
    static final Set<String> PREFERENCE_FIELDS = Set.of("chosen", "rejected", "chosen_model", "rejected_model",
            "score_chosen", "score_rejected");
    private static final Set<String> KEYS = Set.of("format", "fields", "constants", "values", "labels", "ignore",
            "controls", "judges");

    /**
     * One label column.
     *
     * @param values their value → our option ids (none: that value selects nothing); a value not listed is an error
     */
    record LabelRule(String annotator, String group, FieldPath path, Map<String, List<String>> values) {
    }

    /**
     * One judge column: an automatic judge's output on one group, e.g. a classifier's {@code response_refusal_label}.
     *
     * @param values their value → our option ids; a value not listed is the judge's unparsed output, kept as it is
     */
    record JudgeRule(String judge, String version, String group, FieldPath path,
                            Map<String, List<String>> values) {
    }

    /** What a Label Studio control means: choices of a group, or the annotator's note. */
    record Control(String group, Map<String, String> choices, boolean note) {
    }

    public static ImportMapping read(Path path) throws ImportException {
        String file = path.toString();
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(Files.readString(path));
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ImportException.stoppingFile(file, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ImportException.stoppingFile(file, 0, "cannot read the mapping file: " + e.getMessage());
        }
        return new Reader(file).read(root);
    }

    /** Whether each row is a preference pair (chosen and rejected are mapped). */
    boolean readsPairs() {
        return fields.containsKey("chosen");
    }

    /** All paths the mapping reads, for telling which of a row's fields are left over. */
    Set<String> readFields() {
        Set<String> read = new LinkedHashSet<>();
        fields.values().forEach(paths -> paths.forEach(p -> read.add(p.firstField())));
        labels.forEach(rule -> read.add(rule.path().firstField()));
        judges.forEach(rule -> read.add(rule.path().firstField()));
        return read;
    }

    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file;
        }

        ImportMapping read(JsonNode root) throws ImportException {
            if (root == null || !root.isObject()) {
                throw error("", "a mapping file holds one JSON object");
            }
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!KEYS.contains(name)) {
                    throw error(name, "unknown key (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
                }
            }
            ImportFormat format = ImportFormat.MAPPED;
            if (root.has("format")) {
                try {
                    format = ImportFormat.parse(text(root.get("format"), "format"));
                } catch (IllegalArgumentException e) {
                    throw error("format", e.getMessage());
                }
                if (format != ImportFormat.MAPPED && format != ImportFormat.LABEL_STUDIO) {
                    throw error("format", "a mapping file reads its own rows (\"mapped\") or a Label Studio export"
                            + " (\"label-studio\"), not " + format.formatName());
                }
            }
            Map<String, List<FieldPath>> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : entries(root.get("fields"), "fields")) {
                String ours = ourField(entry.getKey(), "fields");
                List<FieldPath> paths = new ArrayList<>();
                JsonNode value = entry.getValue();
                if (value.isArray() && ours.equals("category")) {
                    for (int i = 0; i < value.size(); i++) {
                        paths.add(path(value.get(i), "fields.category[" + i + "]"));
                    }
                } else {
                    paths.add(path(value, "fields." + ours));
                }
                fields.put(ours, List.copyOf(paths));
            }
            Map<String, String> constants = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : entries(root.get("constants"), "constants")) {
                String ours = ourField(entry.getKey(), "constants");
                if (fields.containsKey(ours)) {
                    throw error("constants." + ours, "also mapped in fields; give one or the other");
                }
                constants.put(ours, text(entry.getValue(), "constants." + ours));
            }
            Map<String, Map<String, String>> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : entries(root.get("values"), "values")) {
                String ours = ourField(entry.getKey(), "values");
                Map<String, String> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> value : entries(entry.getValue(), "values." + ours)) {
                    map.put(value.getKey(), text(value.getValue(), "values." + ours + "." + value.getKey()));
                }
                values.put(ours, map);
            }
            List<LabelRule> labels = new ArrayList<>();
            JsonNode labelList = root.get("labels");
            if (labelList != null) {
                if (!labelList.isArray()) {
                    throw error("labels", "must be a list of {annotator, group, path, values}");
                }
                for (int i = 0; i < labelList.size(); i++) {
                    labels.add(labelRule(labelList.get(i), "labels[" + i + "]"));
                }
            }
            List<JudgeRule> judges = new ArrayList<>();
            JsonNode judgeList = root.get("judges");
            if (judgeList != null) {
                if (!judgeList.isArray()) {
                    throw error("judges", "must be a list of {judge, version, group, path, values}");
                }
                for (int i = 0; i < judgeList.size(); i++) {
                    judges.add(judgeRule(judgeList.get(i), "judges[" + i + "]"));
                }
            }
            Set<String> ignore = new LinkedHashSet<>();
            JsonNode ignored = root.get("ignore");
            if (ignored != null) {
                if (!ignored.isArray()) {
                    throw error("ignore", "must be a list of field names");
                }
                for (int i = 0; i < ignored.size(); i++) {
                    ignore.add(text(ignored.get(i), "ignore[" + i + "]"));
                }
            }
            Map<String, Control> controls = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : entries(root.get("controls"), "controls")) {
                controls.put(entry.getKey(), control(entry.getValue(), "controls." + entry.getKey()));
            }
            boolean pairs = fields.containsKey("chosen") || fields.containsKey("rejected");
            if (pairs && !(fields.containsKey("chosen") && fields.containsKey("rejected"))) {
                throw error("fields", "a preference pair needs both chosen and rejected");
            }
            if (pairs && (fields.containsKey("response") || fields.containsKey("messages") || !labels.isEmpty()
                    || !judges.isEmpty())) {
                throw error("fields", "chosen and rejected make each row a preference pair; a pair has no response,"
                        + " messages, label or judge columns of its own");
            }
            if (!pairs && fields.keySet().stream().anyMatch(PREFERENCE_FIELDS::contains)) {
                throw error("fields", "chosen_model, rejected_model and the scores belong to a preference pair:"
                        + " map chosen and rejected too");
            }
            if (!controls.isEmpty() && format != ImportFormat.LABEL_STUDIO) {
                throw error("controls", "only a Label Studio mapping (\"format\": \"label-studio\") has controls");
            }
            return new ImportMapping(file, format, fields, constants, values, labels, ignore, controls,
                    List.copyOf(judges));
        }

        private JudgeRule judgeRule(JsonNode node, String where) throws ImportException {
            if (node == null || !node.isObject()) {
                throw error(where, "must be an object with judge, version, group, path and values");
            }
            allowOnly(node, Set.of("judge", "version", "group", "path", "values"), where);
            return new JudgeRule(text(node.get("judge"), where + ".judge"), text(node.get("version"),
                    where + ".version"), text(node.get("group"), where + ".group"), path(node.get("path"),
                    where + ".path"), optionValues(node, where));
        }

        private LabelRule labelRule(JsonNode node, String where) throws ImportException {
            if (node == null || !node.isObject()) {
                throw error(where, "must be an object with annotator, group, path and values");
            }
            allowOnly(node, Set.of("annotator", "group", "path", "values"), where);
            String annotator = text(node.get("annotator"), where + ".annotator");
            String group = text(node.get("group"), where + ".group");
            FieldPath path = path(node.get("path"), where + ".path");
            return new LabelRule(annotator, group, path, optionValues(node, where));
        }

        /** A column's values → the option ids each stands for (an empty list: none). */
        private Map<String, List<String>> optionValues(JsonNode node, String where) throws ImportException {
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> value : entries(node.get("values"), where + ".values")) {
                String at = where + ".values." + value.getKey();
                JsonNode options = value.getValue();
                List<String> ids = new ArrayList<>();
                if (options.isTextual()) {
                    ids.add(options.asText());
                } else if (options.isArray()) {
                    for (int i = 0; i < options.size(); i++) {
                        ids.add(text(options.get(i), at + "[" + i + "]"));
                    }
                } else if (!options.isNull()) {
                    throw error(at, "must be an option id, a list of them, or null for none");
                }
                values.put(value.getKey(), List.copyOf(ids));
            }
            if (values.isEmpty()) {
                throw error(where + ".values", "required: their values and the option ids each stands for");
            }
            return values;
        }

        private Control control(JsonNode node, String where) throws ImportException {
            if (node == null || !node.isObject()) {
                throw error(where, "must be {\"group\": ..., \"choices\": {...}} or {\"note\": true}");
            }
            allowOnly(node, Set.of("group", "choices", "note"), where);
            if (node.path("note").asBoolean(false)) {
                if (node.has("group") || node.has("choices")) {
                    throw error(where, "a note control has no group or choices");
                }
                return new Control(null, Map.of(), true);
            }
            String group = text(node.get("group"), where + ".group");
            Map<String, String> choices = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> choice : entries(node.get("choices"), where + ".choices")) {
                choices.put(choice.getKey(), text(choice.getValue(), where + ".choices." + choice.getKey()));
            }
            return new Control(group, choices, false);
        }

        private String ourField(String name, String where) throws ImportException {
            if (!OUR_FIELDS.contains(name)) {
                throw error(where + "." + name, "not one of our fields (" + String.join(", ",
                        new TreeSet<>(OUR_FIELDS)) + ")");
            }
            return name;
        }

        private FieldPath path(JsonNode node, String where) throws ImportException {
            String text = text(node, where);
            try {
                return FieldPath.parse(text);
            } catch (IllegalArgumentException e) {
                throw error(where, e.getMessage());
            }
        }

        private List<Map.Entry<String, JsonNode>> entries(JsonNode node, String where) throws ImportException {
            if (node == null) {
                return List.of();
            }
            if (!node.isObject()) {
                throw error(where, "must be a JSON object");
            }
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            node.properties().forEach(entries::add);
            return entries;
        }

        private void allowOnly(JsonNode node, Set<String> known, String where) throws ImportException {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw error(where + "." + name, "unknown key (known: " + String.join(", ", new TreeSet<>(known))
                            + ")");
                }
            }
        }

        private String text(JsonNode node, String where) throws ImportException {
            if (node == null || node.isNull()) {
                throw error(where, "required");
            }
            if (!node.isValueNode() || node.isBinary()) {
                throw error(where, "must be text");
            }
            return node.asText();
        }

        private ImportException error(String where, String reason) {
            return ImportException.stoppingFile(file, 0, (where.isEmpty() ? "" : where + ": ") + reason);
        }
    }
}
