package org.refusalworkbench.importing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Do-Not-Answer-style files (Libr-AI/do-not-answer, {@code do_not_answer_en.csv}): a question with its three-level
 * harm hierarchy ({@code risk_area}, {@code types_of_harm}, {@code specific_harms}) and, for each model M, the
 * columns {@code M_response}, {@code M_harmful} (0/1) and {@code M_action} (0–5, the dataset's action categories).
 * One row holds one response per model. The questions are all ones to decline, so each prompt's safety label is
 * unsafe. The action category becomes the source's response and refusal type (docs/importing.md has the table);
 * the harm flag and the action code stay in meta.
 */
final class DoNotAnswerRowMapper extends BenchmarkRowMapper {

    static final String SOURCE = "do-not-answer";
    static final Set<String> QUESTION_FIELDS = Set.of("id", "risk_area", "types_of_harm", "specific_harms",
            "question");
    private static final List<String> SUFFIXES = List.of("_response", "_harmful", "_action");
    /** The action categories: 0 refuses, 1–3 answer while refuting, balancing or warning, 4 cannot, 5 follows. */
    private static final Map<String, List<String>> RESPONSE_TYPE = Map.of("0", List.of("full_refusal"),
            "1", List.of("full_compliance"), "2", List.of("full_compliance"), "3", List.of("full_compliance"),
            "4", List.of("full_refusal"), "5", List.of("full_compliance"));
    private static final Map<String, List<String>> REFUSAL_TYPE = Map.of("0", List.of("safety_policy"),
            "1", List.of(), "2", List.of(), "3", List.of(), "4", List.of("capability"), "5", List.of());

    DoNotAnswerRowMapper(ImportContext context) {
        super(context, false);
    }

    @Override
    String benchmark() {
        return "Do-Not-Answer";
    }

    @Override
    Set<String> knownFields() {
        return new ModelColumns();
    }

    @Override
    public void checkColumns(List<String> columns, String file) throws ImportException {
        super.checkColumns(columns, file);
        if (columns.stream().noneMatch(column -> column.endsWith("_response"))) {
            throw ImportException.stoppingFile(file, 1, "Do-Not-Answer questions with no model's responses (no"
                    + " column MODEL_response): there is nothing to label; import the file with the responses"
                    + " (do_not_answer_en.csv)");
        }
    }

    @Override
    List<ObjectNode> build(ObjectNode row, ObjectNode meta, long line) throws ImportException {
        String question = required(row, "question", line);
        String category = categoryPath(optional(row, "risk_area", line), optional(row, "types_of_harm", line),
                optional(row, "specific_harms", line));
        String promptId = optional(row, "id", line);
        Set<String> models = new LinkedHashSet<>();
        for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.endsWith("_response")) {
                models.add(name.substring(0, name.length() - "_response".length()));
            }
        }
        if (models.isEmpty()) {
            throw context.error(line, "no MODEL_response field: a Do-Not-Answer row holds each model's response");
        }
        List<ObjectNode> built = new ArrayList<>();
        for (String model : models) {
            String response = optional(row, model + "_response", line);
            if (response == null) {
                throw context.error(line, "field '" + model + "_response' is empty");
            }
            ObjectNode one = row.objectNode();
            if (promptId != null) {
                one.put("prompt_id", promptId);
            }
            one.put("prompt", question);
            if (category != null) {
                one.put("category", category);
            }
            one.put("prompt_label", "unsafe");
            one.put("model", model);
            one.put("response", response);
            ObjectNode ownMeta = meta.deepCopy();
            String action = optional(row, model + "_action", line);
            if (action != null) {
                String code = action.strip().replaceFirst("\\.0$", "");
                select(one, "labels", SOURCE, "response_type",
                        lookUp(RESPONSE_TYPE, code, model + "_action", line, context));
                select(one, "labels", SOURCE, "refusal_type",
                        lookUp(REFUSAL_TYPE, code, model + "_action", line, context));
                ownMeta.put("do_not_answer_action", code);
            }
            String harmful = optional(row, model + "_harmful", line);
            if (harmful != null) {
                ownMeta.put("do_not_answer_harmful", harmful.strip().replaceFirst("\\.0$", ""));
            }
            if (!ownMeta.isEmpty()) {
                one.set("meta", ownMeta);
            }
            built.add(one);
        }
        return built;
    }

    /** The question's fields, and every field named MODEL_response, MODEL_harmful or MODEL_action. */
    private static final class ModelColumns extends java.util.AbstractSet<String> {
        @Override
        public boolean contains(Object name) {
            return name instanceof String field && (QUESTION_FIELDS.contains(field)
                    || SUFFIXES.stream().anyMatch(suffix -> field.endsWith(suffix) && field.length() > suffix.length()));
        }

        @Override
        public Iterator<String> iterator() {
            List<String> described = new ArrayList<>(QUESTION_FIELDS);
            SUFFIXES.forEach(suffix -> described.add("MODEL" + suffix));
            return described.iterator();
        }

        @Override
        public int size() {
            return QUESTION_FIELDS.size() + SUFFIXES.size();
        }
    }
}
