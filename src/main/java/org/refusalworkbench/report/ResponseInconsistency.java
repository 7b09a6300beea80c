package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.taxonomy.GroupRole;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;

/**
 * Responses of one model to one prompt (several samples or sessions) whose response types differ: a possible
 * inconsistency, flagged for the reviewer to confirm, never labelled automatically. The response type of each
 * sample is its gold label, else the annotators' majority; undecided samples take no part.
 *
 * @param promptId  the prompt
 * @param model     the model that answered it differently
 * @param types     response id → decided response type, in response order
 */
public record ResponseInconsistency(long promptId, String model, Map<Long, String> types) {

    public static List<ResponseInconsistency> find(List<ResponseJudgements> responses, Taxonomy taxonomy) {
        TaxonomyGroup responseType = taxonomy.roles().group(GroupRole.RESPONSE_TYPE).orElse(null);
        if (responseType == null) {
            return List.of();
        }
        Map<String, List<ResponseJudgements>> byPromptAndModel = responses.stream().collect(Collectors.groupingBy(
                response -> response.promptId() + "\u0000" + response.model(), LinkedHashMap::new,
                Collectors.toList()));
        List<ResponseInconsistency> found = new ArrayList<>();
        for (List<ResponseJudgements> samples : byPromptAndModel.values()) {
            if (samples.size() < 2) {
                continue;
            }
            Map<Long, String> types = new LinkedHashMap<>();
            for (ResponseJudgements sample : samples) {
                Consensus.Decision decision = Consensus.decide(sample, responseType);
                if (decision.isDecided() && decision.options().size() == 1) {
                    types.put(sample.responseId(), decision.options().iterator().next());
                }
            }
            if (types.values().stream().distinct().count() > 1) {
                found.add(new ResponseInconsistency(samples.get(0).promptId(), samples.get(0).model(),
                        java.util.Collections.unmodifiableMap(types)));
            }
        }
        return found;
    }

    /** Each flagged response id with the inconsistency it belongs to. */
    public static Map<Long, ResponseInconsistency> byResponse(List<ResponseInconsistency> inconsistencies) {
        Map<Long, ResponseInconsistency> byResponse = new LinkedHashMap<>();
        inconsistencies.forEach(found -> found.types().keySet().forEach(id -> byResponse.put(id, found)));
        return byResponse;
    }
}
