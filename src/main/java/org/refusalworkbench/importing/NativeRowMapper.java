package org.refusalworkbench.importing;

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
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.domain.Turn;
import org.refusalworkbench.fileio.OneJsonValue;

/**
 * Our own fields (docs/annotation.md) and chat datasets in the Hugging Face style ({@code messages} of
 * {@code {role, content}}, optionally {@code name} per turn and {@code tools} per row). Unknown fields are errors
 * unless kept in {@code meta}: a misspelt {@code respones} silently ignored would import empty responses.
 */
final class NativeRowMapper implements RowMapper {

    static final Set<String> FIELDS = Set.of("prompt", "model", "response", "messages", "prompt_id", "id", "sample",
            "prompt_label", "category", "meta", "labels", "prompt_labels", "gold", "tools");
    static final Set<String> JSON_VALUED_FIELDS = Set.of("messages", "meta", "labels", "prompt_labels", "gold",
            "tools");
    private static final Set<String> LABEL_FIELDS = Set.of("selections", "note");
    private static final Set<String> GOLD_FIELDS = Set.of("reviewer", "selections", "reason");
    private static final Set<String> TURN_FIELDS = Set.of("role", "content", "name");
    static final Set<String> ROLES = Set.of("user", "assistant", "system", "tool");
    /** The header of XSTest's prompt list, which people pick up beside the completion files. */
    private static final List<String> XSTEST_PROMPT_LIST_COLUMNS = List.of("id", "prompt", "type", "label", "focus");

    private final ImportContext context;
    private final String file;

    NativeRowMapper(ImportContext context) {
        this.context = context;
        this.file = context.file();
    }

    @Override
    public void checkColumns(List<String> header, String file) throws ImportException {
        if (header.containsAll(XSTEST_PROMPT_LIST_COLUMNS) && !header.contains("completion")) {
            throw ImportException.stoppingFile(file, 1, "this is XSTest's list of prompts, with no model responses to"
                    + " label; import the completion files (xstest_v2_completions_MODEL.csv) instead");
        }
        if (!context.keepUnknown()) {
            for (String column : header) {
                if (!FIELDS.contains(column)) {
                    throw ImportException.stoppingFile(file, 1, "unknown column '" + column + "' (known columns: "
                            + String.join(", ", new TreeSet<>(FIELDS)) + "; --keep-unknown keeps others in meta)");
                }
            }
        }
        if (!header.contains("prompt") && !header.contains("messages")) {
            throw ImportException.stoppingFile(file, 1, "missing required column 'prompt' (or 'messages')");
        }
        if (!header.contains("model") && context.model() == null) {
            throw ImportException.lackingModel(file, 1, "missing required column 'model'; give --model NAME if"
                    + " the whole file is one model's", true);
        }
        if (!header.contains("response") && !header.contains("messages")) {
            throw ImportException.stoppingFile(file, 1, "missing column 'response' (or 'messages')");
        }
    }

    @Override
    public List<ResponseRecord> map(ObjectNode row, long line) throws ImportException {
        ObjectNode node = context.container() == Container.CSV ? fromCells(row, line) : row;
        ObjectNode unknown = node.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!FIELDS.contains(field.getKey())) {
                if (!context.keepUnknown()) {
                    throw error(line, "unknown field '" + field.getKey() + "' (known fields: " + String.join(", ",
                            new TreeSet<>(FIELDS)) + "; --keep-unknown keeps others in meta)");
                }
                unknown.set(field.getKey(), field.getValue());
            }
        }
        String model = model(node, line);
        String response = optionalText(node, "response", line);
        List<Turn> transcript = transcript(node.get("messages"), line);
        if ((response == null) == transcript.isEmpty()) {
            throw error(line, "give either 'response' (text) or 'messages' (a transcript), not "
                    + (response == null ? "neither" : "both"));
        }
        String prompt = optionalText(node, "prompt", line);
        if (prompt == null) {
            prompt = transcript.stream().filter(Turn::isUser).map(Turn::content).findFirst().orElse(null);
        }
        if (prompt == null || prompt.isBlank()) {
            throw error(line, "missing required field 'prompt'");
        }
        SafetyLabel safety;
        try {
            safety = SafetyLabel.parse(optionalText(node, "prompt_label", line));
        } catch (IllegalArgumentException e) {
            throw error(line, e.getMessage());
        }
        JsonNode meta = node.get("meta");
        if (meta != null && !meta.isNull() && !meta.isObject()) {
            throw error(line, "'meta' must be a JSON object");
        }
        ObjectNode allMeta = meta == null || meta.isNull() ? node.objectNode() : ((ObjectNode) meta).deepCopy();
        JsonNode tools = node.get("tools");
        if (tools != null && !tools.isNull()) {
            if (!tools.isArray()) {
                throw error(line, "'tools' must be a list of tool definitions");
            }
            allMeta.set("tools", tools);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = unknown.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (allMeta.has(field.getKey())) {
                throw error(line, "field '" + field.getKey() + "' is also a key of 'meta'; rename one of them");
            }
            allMeta.set(field.getKey(), field.getValue());
        }
        return List.of(new ResponseRecord(line, optionalText(node, "prompt_id", line), prompt,
                optionalText(node, "category", line), safety, model, sample(node.get("sample"), line),
                optionalText(node, "id", line), response, transcript.isEmpty() ? null : transcript,
                allMeta.isEmpty() ? null : allMeta.toString(),
                labels(node.get("labels"), "labels", line), labels(node.get("prompt_labels"), "prompt_labels", line),
                gold(node.get("gold"), line)));
    }

    /** A CSV row: an empty cell gives nothing, and the JSON-valued columns hold JSON text. */
    private ObjectNode fromCells(ObjectNode cells, long line) throws ImportException {
        ObjectNode node = cells.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = cells.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String column = field.getKey();
            String cell = field.getValue().asText();
            if (cell.isEmpty()) {
                continue;
            }
            if (JSON_VALUED_FIELDS.contains(column)) {
                try {
                    node.set(column, OneJsonValue.read(context.json(), cell, column));
                } catch (JsonProcessingException e) {
                    throw error(line, "column '" + column + "' is not valid JSON: " + e.getOriginalMessage());
                } catch (OneJsonValue.NotOneValueException e) {
                    throw error(line, e.secondValue() ? "column '" + column + "': " + e.getMessage()
                            : e.getMessage());
                }
            } else {
                node.put(column, cell);
            }
        }
        return node;
    }

    /** The row's own model, or {@code --model}'s for a row without one; a row naming another model is an error. */
    private String model(JsonNode node, long line) throws ImportException {
        String own = optionalText(node, "model", line);
        if (own == null || own.isBlank()) {
            if (context.model() == null) {
                throw ImportException.lackingModel(file, line, "missing required field 'model' (give --model NAME"
                        + " if the whole file is one model's)", false);
            }
            return context.model();
        }
        if (context.model() != null && !context.model().equals(own)) {
            throw error(line, "'model' is '" + own + "' but --model names '" + context.model() + "'");
        }
        return own;
    }

    private List<Turn> transcript(JsonNode messages, long line) throws ImportException {
        if (messages == null || messages.isNull()) {
            return List.of();
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw error(line, "'messages' must be a non-empty list of {role, content} turns");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode turn = messages.get(i);
            if (!turn.isObject()) {
                throw error(line, "messages[" + i + "] must be a {role, content} turn");
            }
            allowOnly(turn, TURN_FIELDS, "messages[" + i + "]", line);
            JsonNode role = turn.get("role");
            JsonNode content = turn.get("content");
            if (role == null || !role.isTextual() || content == null || !content.isTextual()) {
                throw error(line, "messages[" + i + "] needs text fields 'role' and 'content'");
            }
            String roleName = role.asText();
            if (!ROLES.contains(roleName)) {
                throw error(line, "messages[" + i + "].role must be user, assistant, system or tool, found '"
                        + roleName + "'");
            }
            JsonNode name = turn.get("name");
            if (name != null && !name.isNull() && !name.isTextual()) {
                throw error(line, "messages[" + i + "].name must be text");
            }
            turns.add(new Turn(roleName, content.asText(), name == null || name.isNull() ? null : name.asText()));
        }
        if (turns.stream().noneMatch(turn -> turn.role().equals("assistant"))) {
            throw error(line, "'messages' has no assistant turn to judge");
        }
        return turns;
    }

    private int sample(JsonNode node, long line) throws ImportException {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return 1;
        }
        if (node.canConvertToInt() && node.isIntegralNumber() && node.asInt() >= 1) {
            return node.asInt();
        }
        if (node.isTextual() && node.asText().matches("[1-9][0-9]{0,8}")) {
            return Integer.parseInt(node.asText());
        }
        throw error(line, "'sample' must be a whole number from 1, found " + node);
    }

    /** {@code {"annotator": {"selections": {"group": ["option"]}, "note": "..."}}} */
    private List<LabelInput> labels(JsonNode node, String field, long line) throws ImportException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isObject()) {
            throw error(line, "'" + field + "' must map annotator names to {selections, note}");
        }
        List<LabelInput> labels = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = node.properties().iterator(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getKey().isBlank()) {
                // The store refuses a nameless annotator; said here, the message can name the line and field.
                throw error(line, field + ": blank annotator name " + TextNode.valueOf(entry.getKey()));
            }
            String path = field + "." + entry.getKey();
            if (!entry.getValue().isObject()) {
                throw error(line, path + " must be an object with selections and note");
            }
            allowOnly(entry.getValue(), LABEL_FIELDS, path, line);
            labels.add(new LabelInput(entry.getKey(), selections(entry.getValue().get("selections"), path, line),
                    noteText(entry.getValue(), "note", path, line)));
        }
        return labels;
    }

    /** {@code {"reviewer": "...", "selections": {...}, "reason": "..."}} */
    private LabelInput gold(JsonNode node, long line) throws ImportException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw error(line, "'gold' must be an object with reviewer, selections and reason");
        }
        allowOnly(node, GOLD_FIELDS, "gold", line);
        JsonNode reviewer = node.get("reviewer");
        if (reviewer == null || !reviewer.isTextual() || reviewer.asText().isBlank()) {
            throw error(line, "gold.reviewer: required, the reviewer's name as text");
        }
        return new LabelInput(reviewer.asText(), selections(node.get("selections"), "gold", line),
                noteText(node, "reason", "gold", line));
    }

    /** As for the record's own fields: a misspelt {@code notes} read as no note would lose the annotator's text. */
    private void allowOnly(JsonNode node, Set<String> known, String path, long line) throws ImportException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(line, path + "." + name + ": unknown field (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private Selections selections(JsonNode node, String path, long line) throws ImportException {
        if (node == null || !node.isObject()) {
            throw error(line, path + ".selections must map group ids to lists of option ids");
        }
        Map<String, Set<String>> byGroup = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> groups = node.properties().iterator(); groups.hasNext(); ) {
            Map.Entry<String, JsonNode> group = groups.next();
            JsonNode options = group.getValue();
            Set<String> ids = new LinkedHashSet<>();
            if (options.isTextual()) {
                ids.add(options.asText());
            } else if (options.isArray()) {
                for (JsonNode option : options) {
                    if (!option.isTextual()) {
                        throw error(line, path + ".selections." + group.getKey() + " must list option ids as text");
                    }
                    ids.add(option.asText());
                }
            } else {
                throw error(line, path + ".selections." + group.getKey() + " must be an option id or a list of them");
            }
            byGroup.put(group.getKey(), ids);
        }
        return Selections.of(byGroup);
    }

    private String noteText(JsonNode node, String field, String path, long line) throws ImportException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw error(line, path + "." + field + " must be text");
        }
        return value.asText();
    }

    private String optionalText(JsonNode node, String field, long line) throws ImportException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber() && (field.equals("prompt_id") || field.equals("id"))) {
            return value.asText();
        }
        throw error(line, "'" + field + "' must be text, found " + value.getNodeType().toString().toLowerCase());
    }

    private ImportException error(long line, String reason) {
        return new ImportException(file, line, reason);
    }
}
