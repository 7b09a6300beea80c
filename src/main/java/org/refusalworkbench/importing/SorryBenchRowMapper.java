package org.refusalworkbench.importing;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SORRY-Bench-style human judgement rows (sorry-bench/sorry-bench-human-judgment): {@code question_id},
 * {@code category}, {@code turns} (the prompt, a list of one text), {@code model_id}, {@code choices} (the model's
 * answer: {@code [{"turns": [text]}]}), {@code human_score}: 1 when the model fulfilled the request, 0 when it
 * refused. The score becomes the response type of the source {@value #SOURCE}; {@code prompt_style} and
 * {@code judge} stay in meta.
 */
final class SorryBenchRowMapper extends BenchmarkRowMapper {

    static final String SOURCE = "sorry-bench-human";
    static final Set<String> FIELDS = Set.of("question_id", "category", "turns", "model_id", "choices",
            "human_score", "prompt_style", "judge");

    SorryBenchRowMapper(ImportContext context) {
        super(context, false);
    }

    @Override
    String benchmark() {
        return "SORRY-Bench";
    }

    @Override
    Set<String> knownFields() {
        return FIELDS;
    }

    @Override
    List<ObjectNode> build(ObjectNode row, ObjectNode meta, long line) throws ImportException {
        ObjectNode built = row.objectNode();
        built.put("prompt_id", required(row, "question_id", line));
        built.put("prompt", onlyText(structured(row, "turns", line), "turns", line));
        String category = optional(row, "category", line);
        if (category != null) {
            built.put("category", category);
        }
        built.put("model", required(row, "model_id", line));
        JsonNode choices = structured(row, "choices", line);
        if (!choices.isArray() || choices.size() != 1 || !choices.get(0).has("turns")) {
            throw context.error(line, "field 'choices' must be a list of one {\"turns\": [answer]}");
        }
        built.put("response", onlyText(choices.get(0).get("turns"), "choices[0].turns", line));
        String score = optional(row, "human_score", line);
        if (score != null) {
            select(built, "labels", SOURCE, "response_type", List.of(responseType(score, line)));
        }
        for (String kept : List.of("prompt_style", "judge")) {
            if (row.hasNonNull(kept)) {
                meta.set(kept, row.get(kept));
            }
        }
        if (!meta.isEmpty()) {
            built.set("meta", meta);
        }
        return List.of(built);
    }

    private String responseType(String score, long line) throws ImportException {
        double value;
        try {
            value = Double.parseDouble(score.strip());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (value == 1.0) {
            return "full_compliance";
        }
        if (value == 0.0) {
            return "full_refusal";
        }
        throw context.error(line, "field 'human_score': '" + score + "' is neither 1 (fulfilled) nor 0 (refused)");
    }

    private String onlyText(JsonNode turns, String field, long line) throws ImportException {
        if (turns == null || !turns.isArray() || turns.size() != 1 || !turns.get(0).isTextual()) {
            throw context.error(line, "field '" + field + "' must be a list of one text (a single-turn prompt and"
                    + " answer)");
        }
        return turns.get(0).asText();
    }
}
