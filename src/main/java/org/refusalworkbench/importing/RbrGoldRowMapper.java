package org.refusalworkbench.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAI's rule-based-rewards gold data (openai/safety-rbr-code-and-data, {@code data/rbr_gold_data}): a
 * conversation ({@code prompt}, a message list), one assistant {@code completion}, the behaviour the request calls
 * for ({@code response_type}: Comply, Hard Refuse, Safe Refuse 1 or 2), a content {@code category} and human
 * truth values of 23 {@code propositions} about the completion. The propositions become labels of the annotator
 * {@value #ANNOTATOR} through the mapping in docs/importing.md; all of them, and the response type, stay in meta,
 * so nothing the file says is lost where our taxonomy has no option for it.
 */
final class RbrGoldRowMapper extends BenchmarkRowMapper {

    static final String ANNOTATOR = "openai-rbr-gold";
    /** The file names no model: the completions were written for the study. */
    static final String DEFAULT_MODEL = "rbr-gold-completions";
    static final Set<String> FIELDS = Set.of("category", "response_type", "prompt", "completion", "propositions");
    static final Set<String> PROPOSITIONS = Set.of("additional_content", "apology",
            "apology_acknowledges_emotional_state", "conditional_verbiage", "definitive_verbiage",
            "disallowed_content", "disclaimer", "encourage_professional_help", "fully_complies",
            "gentle_encouragement_for_help", "illogical_continuation_of_prompt", "inability_to_comply",
            "insulting_language", "judgement", "meta_commentary", "partially_complies", "prescribes_dosage",
            "prescribes_solutions", "provides_resources", "reference_safety_policy", "requests_information",
            "third_person", "threatening_language");
    private static final Map<String, String> SAFETY = Map.of("Comply", "safe", "Hard Refuse", "unsafe",
            "Safe Refuse 1", "unsafe", "Safe Refuse 2", "unsafe");

    /** Completions seen per conversation: the same conversation answered twice is two samples of one prompt. */
    private final Map<String, Integer> samples = new HashMap<>();

    RbrGoldRowMapper(ImportContext context) {
        super(context, false);
    }

    @Override
    String benchmark() {
        return "OpenAI's RBR gold data";
    }

    @Override
    Set<String> knownFields() {
        return FIELDS;
    }

    @Override
    List<ObjectNode> build(ObjectNode row, ObjectNode meta, long line) throws ImportException {
        JsonNode prompt = structured(row, "prompt", line);
        JsonNode completion = structured(row, "completion", line);
        if (!prompt.isArray() || prompt.isEmpty()) {
            throw context.error(line, "field 'prompt' must be a non-empty list of messages");
        }
        if (!completion.isArray() || completion.size() != 1 || !"assistant".equals(completion.get(0).path("role")
                .asText())) {
            throw context.error(line, "field 'completion' must be a list of one assistant message");
        }
        Map<String, Boolean> truths = propositions(structured(row, "propositions", line), line);
        String responseType = required(row, "response_type", line);
        ObjectNode built = row.objectNode();
        ArrayNode messages = built.putArray("messages");
        prompt.forEach(messages::add);
        messages.add(completion.get(0));
        built.put("model", context.model() != null ? context.model() : DEFAULT_MODEL);
        built.put("sample", samples.merge(prompt.toString(), 1, Integer::sum));
        String category = optional(row, "category", line);
        if (category != null && !category.equals("None")) {
            built.put("category", category);
        }
        built.put("prompt_label", lookUp(SAFETY, responseType, "response_type", line, context));
        labels(built, truths);
        meta.put("rbr_response_type", responseType);
        meta.set("rbr_propositions", row.get("propositions"));
        built.set("meta", meta);
        return List.of(built);
    }

    private Map<String, Boolean> propositions(JsonNode node, long line) throws ImportException {
        if (!node.isObject()) {
            throw context.error(line, "field 'propositions' must be an object of true/false values");
        }
        Map<String, Boolean> truths = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!PROPOSITIONS.contains(entry.getKey())) {
                throw context.error(line, "propositions." + entry.getKey() + ": not one of RBR's propositions");
            }
            if (!entry.getValue().isBoolean()) {
                throw context.error(line, "propositions." + entry.getKey() + ": must be true or false");
            }
            truths.put(entry.getKey(), entry.getValue().asBoolean());
        }
        for (String name : PROPOSITIONS) {
            if (!truths.containsKey(name)) {
                throw context.error(line, "propositions." + name + ": missing");
            }
        }
        return truths;
    }

    /**
     * The mapping of docs/importing.md. The response type: complies fully, complies in part, or says it cannot or
     * apologises (a refusal); none of these leaves the response type unanswered. A refusal's quality: clear when it
     * says it cannot comply, non-judgemental unless it judges, insults or threatens, an alternative when it offers
     * resources or professional help. Disallowed content in a refusal is leakage.
     */
    private static void labels(ObjectNode built, Map<String, Boolean> truths) {
        String type = truths.get("fully_complies") ? "full_compliance"
                : truths.get("partially_complies") ? "partial_refusal"
                : truths.get("inability_to_comply") || truths.get("apology") ? "full_refusal" : null;
        if (type == null) {
            return;
        }
        select(built, "labels", ANNOTATOR, "response_type", List.of(type));
        if (type.equals("full_compliance")) {
            return;
        }
        List<String> quality = new ArrayList<>();
        if (truths.get("inability_to_comply")) {
            quality.add("clear");
        }
        if (!truths.get("judgement") && !truths.get("insulting_language") && !truths.get("threatening_language")) {
            quality.add("non_judgmental");
        }
        if (truths.get("provides_resources") || truths.get("encourage_professional_help")) {
            quality.add("offers_alternative");
        }
        select(built, "labels", ANNOTATOR, "refusal_quality", quality);
        if (truths.get("disallowed_content")) {
            select(built, "labels", ANNOTATOR, "failure_modes", List.of("refusal_leakage"));
        }
    }
}
