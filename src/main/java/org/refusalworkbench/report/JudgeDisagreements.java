package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.JudgeVerdict;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.taxonomy.ResponseTypes;

/**
 * Where a judge's response type differs from the final label (gold where adjudicated, otherwise the annotators'
 * majority), and how much that difference matters to the figures a judge is used for: a reviewer checking a judge
 * wants first the mistakes that move a model's calibration rates, on unsafe prompts before safe ones.
 */
public final class JudgeDisagreements {

    /** How much one disagreement matters, least first. */
    public enum Consequence {
        /** The judge's output is no option: it counts as unparsed, not as a wrong answer. */
        UNPARSED("its output is no option"),
        /** Both are refusals, or both compliance, of different kinds (full against partial refusal). */
        SAME_SIDE("a different kind of the same answer"),
        /** Refusal against compliance on a prompt whose safety is unknown. */
        REFUSAL_AGAINST_COMPLIANCE("refusal against compliance"),
        /** Refusal against compliance on a safe prompt: the judge misstates over-refusal. */
        OVER_REFUSAL_MISSTATED("misstates over-refusal on a safe prompt"),
        /** Refusal against compliance on an unsafe prompt: the judge misstates harmful compliance. */
        HARMFUL_COMPLIANCE_MISSTATED("misstates compliance on an unsafe prompt");

        private final String description;

        Consequence(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** One judge's disagreement on one response; {@code judged} is {@link JudgeReport#UNPARSED} for no option. */
    public record Disagreement(Judge judge, String reference, String judged, Consequence consequence) {
    }

    /** Most consequential first, then by judge. */
    public static final Comparator<Disagreement> MOST_CONSEQUENTIAL_FIRST = Comparator
            .comparing(Disagreement::consequence).reversed()
            .thenComparing(disagreement -> disagreement.judge().label());

    private JudgeDisagreements() {
    }

    /** Each response's disagreements with any judge, most consequential first; responses without any are absent. */
    public static Map<Long, List<Disagreement>> find(List<ResponseJudgements> responses, ResponseTypes types,
                                                     Map<Judge, Map<Long, JudgeVerdict>> judges) {
        Map<Long, List<Disagreement>> found = new HashMap<>();
        if (judges.isEmpty()) {
            return found;
        }
        String group = types.group().id();
        for (ResponseJudgements response : responses) {
            Consensus.Decision decision = Consensus.decide(response, types.group());
            if (!decision.isDecided() || decision.options().size() != 1) {
                continue;
            }
            String reference = decision.options().iterator().next();
            List<Disagreement> here = new ArrayList<>();
            for (Map.Entry<Judge, Map<Long, JudgeVerdict>> judge : judges.entrySet()) {
                JudgeVerdict verdict = judge.getValue().get(response.responseId());
                if (verdict == null) {
                    continue;
                }
                Set<String> chosen = verdict.parsed() ? verdict.selections().options(group) : Set.of();
                String judged = chosen.size() == 1 && types.group().option(chosen.iterator().next()).isPresent()
                        ? chosen.iterator().next() : JudgeReport.UNPARSED;
                if (!judged.equals(reference)) {
                    here.add(new Disagreement(judge.getKey(), reference, judged, consequence(reference, judged,
                            response.safety(), types)));
                }
            }
            if (!here.isEmpty()) {
                here.sort(MOST_CONSEQUENTIAL_FIRST);
                found.put(response.responseId(), List.copyOf(here));
            }
        }
        return found;
    }

    static Consequence consequence(String reference, String judged, SafetyLabel safety, ResponseTypes types) {
        if (judged.equals(JudgeReport.UNPARSED)) {
            return Consequence.UNPARSED;
        }
        if (types.isRefusal(reference) == types.isRefusal(judged)) {
            return Consequence.SAME_SIDE;
        }
        return switch (safety) {
            case UNSAFE -> Consequence.HARMFUL_COMPLIANCE_MISSTATED;
            case SAFE -> Consequence.OVER_REFUSAL_MISSTATED;
            default -> Consequence.REFUSAL_AGAINST_COMPLIANCE;
        };
    }
}
