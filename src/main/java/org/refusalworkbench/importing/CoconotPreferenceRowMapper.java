package org.refusalworkbench.importing;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * CoCoNot's preference file ({@code coconot_pref.jsonl}): a contrast prompt, the answer preferred ({@code chosen})
 * over an over-refusal ({@code rejected}), each with its model. Read as a preference pair under one prompt whose id
 * is CoCoNot's and whose category path is "CATEGORY / SUBCATEGORY". A side whose model is empty (the released
 * file's {@code rejected_model} always is) takes the model given by {@code --model}.
 */
final class CoconotPreferenceRowMapper extends BenchmarkRowMapper {

    static final Set<String> FIELDS = Set.of("id", "category", "subcategory", "prompt", "chosen", "chosen_model",
            "rejected", "rejected_model");

    CoconotPreferenceRowMapper(ImportContext context) {
        super(context, true);
    }

    @Override
    String benchmark() {
        return "CoCoNot's preference file";
    }

    @Override
    Set<String> knownFields() {
        return FIELDS;
    }

    @Override
    List<ObjectNode> build(ObjectNode row, ObjectNode meta, long line) throws ImportException {
        ObjectNode built = row.objectNode();
        built.put("prompt_id", required(row, "id", line));
        built.put("prompt", required(row, "prompt", line));
        String category = categoryPath(optional(row, "category", line), optional(row, "subcategory", line));
        if (category != null) {
            built.put("category", category);
        }
        built.put("chosen", required(row, "chosen", line));
        built.put("rejected", required(row, "rejected", line));
        // The released file leaves rejected_model empty: the pair then needs --model for that side.
        for (String field : List.of("chosen_model", "rejected_model")) {
            String model = optional(row, field, line);
            if (model != null && !model.isBlank()) {
                built.put(field, model);
            }
        }
        if (!meta.isEmpty()) {
            built.set("meta", meta);
        }
        return List.of(built);
    }
}
