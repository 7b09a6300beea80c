package org.refusalworkbench.importing;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * CoCoNot's evaluation files (allenai/noncompliance: {@code coconot_eval.jsonl}, {@code coconot_contrast_eval.jsonl}):
 * {@code id}, {@code category}, {@code subcategory}, {@code prompt}, {@code response}. The category path is
 * "CATEGORY / SUBCATEGORY". The released files hold prompts only, their {@code response} empty: such a row is
 * refused with what to do, not imported as an empty response to label.
 */
final class CoconotRowMapper extends BenchmarkRowMapper {

    static final Set<String> FIELDS = Set.of("id", "category", "subcategory", "prompt", "response", "model");

    CoconotRowMapper(ImportContext context) {
        super(context, false);
    }

    @Override
    String benchmark() {
        return "CoCoNot";
    }

    @Override
    Set<String> knownFields() {
        return FIELDS;
    }

    @Override
    List<ObjectNode> build(ObjectNode row, ObjectNode meta, long line) throws ImportException {
        String response = optional(row, "response", line);
        if (response == null || response.isBlank()) {
            throw context.error(line, "field 'response' is empty: CoCoNot's released files hold its prompts only."
                    + " Run the model on them, write its answers into 'response' (and its name into 'model', or give"
                    + " --model), then import (docs/importing.md, CoCoNot)");
        }
        ObjectNode built = row.objectNode();
        built.put("prompt_id", required(row, "id", line));
        built.put("prompt", required(row, "prompt", line));
        String category = categoryPath(optional(row, "category", line), optional(row, "subcategory", line));
        if (category != null) {
            built.put("category", category);
        }
        String model = optional(row, "model", line);
        if (model != null) {
            built.put("model", model);
        } else if (context.model() == null) {
            throw ImportException.lackingModel(context.file(), line, "CoCoNot rows name no model: add a 'model'"
                    + " field or give --model NAME", false);
        }
        built.put("response", response);
        if (!meta.isEmpty()) {
            built.set("meta", meta);
        }
        return List.of(built);
    }
}
