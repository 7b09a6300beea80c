package org.refusalworkbench.importing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.domain.Turn;
import org.refusalworkbench.fileio.OneJsonValue;

/**
 * TRL's preference datasets: {@code prompt}, {@code chosen} and {@code rejected}, either all text (the standard
 * form) or message lists (the conversational form; without {@code prompt}, the turns both sides share are the
 * prompt). Both responses are imported under one prompt, and the recorded preference is kept in each response's
 * {@code meta} as {@code "preference": "chosen"} or {@code "rejected"} (with {@code score} where the file has
 * {@code score_chosen}/{@code score_rejected}), so it can be compared with the labels later.
 *
 * <p>Models come from {@code chosen_model}/{@code rejected_model}, else {@code model}, else {@code --model}. When
 * both sides are one model's, the chosen response is its sample 1 and the rejected one its sample 2.
 */
final class PreferenceRowMapper implements RowMapper {

    private static final Set<String> FIELDS = Set.of("prompt", "chosen", "rejected", "prompt_id", "id", "model",
            "chosen_model", "rejected_model", "category", "prompt_label", "score_chosen", "score_rejected", "meta",
            "messages");
    private static final Set<String> TURN_FIELDS = Set.of("role", "content", "name");

    private final ImportContext context;

    PreferenceRowMapper(ImportContext context) {
        this.context = context;
    }

    @Override
    public void checkColumns(List<String> columns, String file) throws ImportException {
        if (!context.keepUnknown()) {
            for (String column : columns) {
                if (!FIELDS.contains(column)) {
                    throw ImportException.stoppingFile(file, 1, "unknown column '" + column + "' in a preference"
                            + " file (known: " + String.join(", ", new TreeSet<>(FIELDS))
                            + "; --keep-unknown keeps others in meta)");
                }
            }
        }
    }

    @Override
    public List<ResponseRecord> map(ObjectNode row, long line) throws ImportException {
        ObjectNode unknown = row.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = row.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!FIELDS.contains(field.getKey())) {
                if (!context.keepUnknown()) {
                    throw context.error(line, "unknown field '" + field.getKey() + "' in a preference file (known: "
                            + String.join(", ", new TreeSet<>(FIELDS)) + "; --keep-unknown keeps others in meta)");
                }
                unknown.set(field.getKey(), field.getValue());
            }
        }
        JsonNode promptNode = value(row, "prompt", line);
        JsonNode chosenNode = value(row, "chosen", line);
        JsonNode rejectedNode = value(row, "rejected", line);
        if (chosenNode == null || rejectedNode == null) {
            throw context.error(line, "a preference row needs both 'chosen' and 'rejected'");
        }
        boolean conversational = chosenNode.isArray();
        if (rejectedNode.isArray() != conversational
                || (promptNode != null && promptNode.isArray() != conversational)) {
            throw context.error(line, "'prompt', 'chosen' and 'rejected' must all be text or all be message lists");
        }
        String promptId = scalar(row, "prompt_id", line);
        if (promptId == null) {
            promptId = scalar(row, "id", line);
        }
        String category = scalar(row, "category", line);
        SafetyLabel safety;
        try {
            safety = SafetyLabel.parse(scalar(row, "prompt_label", line));
        } catch (IllegalArgumentException e) {
            throw context.error(line, "prompt_label: " + e.getMessage());
        }
        String chosenModel = model(row, "chosen_model", line);
        String rejectedModel = model(row, "rejected_model", line);
        int rejectedSample = chosenModel.equals(rejectedModel) ? 2 : 1;
        JsonNode meta = value(row, "meta", line);
        if (meta != null && !meta.isObject()) {
            throw context.error(line, "'meta' must be a JSON object");
        }
        ObjectNode shared = meta == null ? row.objectNode() : ((ObjectNode) meta).deepCopy();
        shared.setAll(unknown);
        if (!conversational) {
            if (promptNode == null || !promptNode.isTextual() || promptNode.asText().isBlank()) {
                throw context.error(line, "'prompt' is missing: a preference file in text form needs it (a file whose"
                        + " chosen and rejected texts hold the whole dialogue needs --map to split it)");
            }
            String prompt = promptNode.asText();
            return List.of(
                    new ResponseRecord(line, promptId, prompt, category, safety, chosenModel, 1, null,
                            text(chosenNode, "chosen", line), null, meta(shared, "chosen", row, line), null, null,
                            null),
                    new ResponseRecord(line, promptId, prompt, category, safety, rejectedModel, rejectedSample, null,
                            text(rejectedNode, "rejected", line), null, meta(shared, "rejected", row, line), null, null,
                            null));
        }
        List<Turn> chosen = turns(chosenNode, "chosen", line);
        List<Turn> rejected = turns(rejectedNode, "rejected", line);
        List<Turn> prompt;
        if (promptNode != null) {
            prompt = turns(promptNode, "prompt", line);
        } else {
            // Without a prompt the shared turns before the sides part are the prompt, as TRL reads such a dataset.
            int shared1 = 0;
            while (shared1 < chosen.size() - 1 && shared1 < rejected.size() - 1
                    && chosen.get(shared1).equals(rejected.get(shared1))) {
                shared1++;
            }
            prompt = chosen.subList(0, shared1);
            chosen = chosen.subList(shared1, chosen.size());
            rejected = rejected.subList(shared1, rejected.size());
        }
        String promptText = prompt.stream().filter(Turn::isUser).map(Turn::content).findFirst().orElse(null);
        if (promptText == null || promptText.isBlank()) {
            throw context.error(line, "prompt: no user turn to label the responses against");
        }
        checkMessages(row, prompt, chosen, line);
        return List.of(
                new ResponseRecord(line, promptId, promptText, category, safety, chosenModel, 1, null, null,
                        transcript(prompt, chosen, "chosen", line), meta(shared, "chosen", row, line), null, null,
                        null),
                new ResponseRecord(line, promptId, promptText, category, safety, rejectedModel, rejectedSample, null,
                        null, transcript(prompt, rejected, "rejected", line), meta(shared, "rejected", row, line),
                        null, null, null));
    }

    /** UltraFeedback's binarised set repeats the chosen dialogue as {@code messages}; anything else would be lost. */
    private void checkMessages(ObjectNode row, List<Turn> prompt, List<Turn> chosen, long line)
            throws ImportException {
        JsonNode messages = value(row, "messages", line);
        if (messages == null) {
            return;
        }
        List<Turn> whole = new ArrayList<>(prompt);
        whole.addAll(chosen);
        if (!turns(messages, "messages", line).equals(whole)) {
            throw context.error(line, "'messages' is not the prompt followed by the chosen response; remove it or"
                    + " keep it with --keep-unknown under another name");
        }
    }

    private List<Turn> transcript(List<Turn> prompt, List<Turn> side, String field, long line)
            throws ImportException {
        if (side.isEmpty() || side.stream().noneMatch(turn -> turn.role().equals("assistant"))) {
            throw context.error(line, "'" + field + "' has no assistant turn to judge");
        }
        List<Turn> whole = new ArrayList<>(prompt);
        whole.addAll(side);
        return whole;
    }

    private String meta(ObjectNode shared, String side, ObjectNode row, long line) throws ImportException {
        ObjectNode meta = shared.deepCopy();
        meta.put("preference", side);
        JsonNode score = value(row, "score_" + side, line);
        if (score != null) {
            if (!score.isNumber()) {
                try {
                    score = context.json().getNodeFactory().numberNode(Double.parseDouble(score.asText()));
                } catch (NumberFormatException e) {
                    throw context.error(line, "'score_" + side + "' must be a number, found " + score);
                }
            }
            meta.set("score", score);
        }
        return meta.toString();
    }

    private String model(ObjectNode row, String sideField, long line) throws ImportException {
        String side = scalar(row, sideField, line);
        if (side != null) {
            return side;
        }
        String model = scalar(row, "model", line);
        if (model != null) {
            return model;
        }
        if (context.model() != null) {
            return context.model();
        }
        throw ImportException.lackingModel(context.file(), line, "no model for the responses: give 'model' (or"
                + " 'chosen_model' and 'rejected_model'), or --model NAME", false);
    }

    private List<Turn> turns(JsonNode list, String field, long line) throws ImportException {
        if (!list.isArray() || list.isEmpty()) {
            throw context.error(line, "'" + field + "' must be a non-empty list of {role, content} messages");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode turn = list.get(i);
            String where = field + "[" + i + "]";
            if (!turn.isObject()) {
                throw context.error(line, where + " must be a {role, content} message");
            }
            for (Iterator<String> names = turn.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!TURN_FIELDS.contains(name)) {
                    throw context.error(line, where + "." + name + ": unknown field (known: content, name, role)");
                }
            }
            JsonNode role = turn.get("role");
            JsonNode content = turn.get("content");
            if (role == null || !role.isTextual() || content == null || !content.isTextual()) {
                throw context.error(line, where + " needs text fields 'role' and 'content'");
            }
            if (!NativeRowMapper.ROLES.contains(role.asText())) {
                throw context.error(line, where + ".role must be user, assistant, system or tool, found '"
                        + role.asText() + "'");
            }
            JsonNode name = turn.get("name");
            turns.add(new Turn(role.asText(), content.asText(), name == null || name.isNull() ? null : name.asText()));
        }
        return turns;
    }

    private String text(JsonNode node, String field, long line) throws ImportException {
        if (!node.isTextual()) {
            throw context.error(line, "'" + field + "' must be text or a message list");
        }
        return node.asText();
    }

    private String scalar(ObjectNode row, String field, long line) throws ImportException {
        JsonNode value = value(row, field, line);
        if (value == null) {
            return null;
        }
        if (!value.isValueNode()) {
            throw context.error(line, "'" + field + "' must be text");
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /** A field's value, with CSV's JSON text parsed where the field holds lists or objects. */
    private JsonNode value(ObjectNode row, String field, long line) throws ImportException {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (context.container() == Container.CSV) {
            String cell = value.asText();
            if (cell.isEmpty()) {
                return null;
            }
            String start = cell.stripLeading();
            if (start.startsWith("[") || start.startsWith("{")) {
                // A response may well start with a bracket; only a message list or meta's object is read as JSON.
                try {
                    JsonNode parsed = OneJsonValue.read(context.json(), cell, field);
                    if (field.equals("meta") || (parsed.isArray() && !parsed.isEmpty() && parsed.get(0).isObject())) {
                        return parsed;
                    }
                } catch (JsonProcessingException | OneJsonValue.NotOneValueException e) {
                    if (field.equals("meta")) {
                        throw context.error(line, "column 'meta' is not one JSON object: " + e.getMessage());
                    }
                }
            }
        }
        return value;
    }
}
