package org.refusalworkbench.importing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * WildGuardMix-style rows (allenai/wildguardmix): {@code prompt}, {@code response}, {@code prompt_harm_label},
 * {@code response_refusal_label}, {@code response_harm_label}, {@code adversarial}, {@code subcategory}. The prompt's
 * harm label becomes its safety label and the source's user-intent label; the refusal label becomes the source's
 * response type; the response's harm label and the adversarial flag stay in meta (our taxonomy has no option for
 * them). The labels are the named source's, {@value #SOURCE}, beside the people's.
 */
final class WildGuardMixRowMapper extends BenchmarkRowMapper {

    static final String SOURCE = "wildguardmix";
    /** The file names no model: its responses come from many. */
    static final String DEFAULT_MODEL = "wildguardmix-responses";
    static final Set<String> FIELDS = Set.of("prompt", "response", "adversarial", "prompt_harm_label",
            "response_refusal_label", "response_harm_label", "subcategory", "model");
    private static final Map<String, String> SAFETY = Map.of("harmful", "unsafe", "unharmful", "safe");
    private static final Map<String, String> INTENT = Map.of("harmful", "harmful", "unharmful", "benign");
    private static final Map<String, String> REFUSAL = Map.of("refusal", "full_refusal",
            "compliance", "full_compliance");

    WildGuardMixRowMapper(ImportContext context) {
        super(context, false);
    }

    @Override
    String benchmark() {
        return "WildGuardMix";
    }

    @Override
    Set<String> knownFields() {
        return FIELDS;
    }

    @Override
    List<ObjectNode> build(ObjectNode row, ObjectNode meta, long line) throws ImportException {
        String response = optional(row, "response", line);
        if (response == null) {
            throw context.error(line, "field 'response' is null: a prompt-only row has nothing to label; keep the rows"
                    + " with a response (jq 'select(.response != null)')");
        }
        ObjectNode built = row.objectNode();
        built.put("prompt", required(row, "prompt", line));
        built.put("response", response);
        String model = optional(row, "model", line);
        built.put("model", model != null ? model : context.model() != null ? context.model() : DEFAULT_MODEL);
        String subcategory = optional(row, "subcategory", line);
        if (subcategory != null) {
            built.put("category", subcategory);
        }
        String harm = optional(row, "prompt_harm_label", line);
        if (harm != null) {
            built.put("prompt_label", lookUp(SAFETY, harm, "prompt_harm_label", line, context));
            select(built, "prompt_labels", SOURCE, "user_intent",
                    List.of(lookUp(INTENT, harm, "prompt_harm_label", line, context)));
        }
        String refusal = optional(row, "response_refusal_label", line);
        if (refusal != null) {
            select(built, "labels", SOURCE, "response_type",
                    List.of(lookUp(REFUSAL, refusal, "response_refusal_label", line, context)));
        }
        for (String kept : List.of("response_harm_label", "adversarial")) {
            if (row.hasNonNull(kept)) {
                meta.set(kept, row.get(kept));
            }
        }
        if (!meta.isEmpty()) {
            built.set("meta", meta);
        }
        return List.of(built);
    }
}
