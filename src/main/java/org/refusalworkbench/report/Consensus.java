package org.refusalworkbench.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.taxonomy.TaxonomyGroup;

/**
 * What a response is taken to be when reporting: the gold label where a reviewer adjudicated it, otherwise the
 * majority of its annotators. A tie is reported as a tie, never broken silently.
 */
public final class Consensus {

    /** Where a decided value came from. */
    public enum Source { GOLD, MAJORITY, TIE, UNLABELLED }

    /** The decided options of one group for one response. */
    public record Decision(Source source, Set<String> options) {
        public boolean isDecided() {
            return source == Source.GOLD || source == Source.MAJORITY;
        }
    }

    private Consensus() {
    }

    /**
     * Single choice: the option chosen by more annotators than any other. Multiple choice: each option chosen by
     * more than half of the annotators who answered the group (for a group with a condition, those whose label meets
     * it: refusal types among the annotators who saw a refusal); an option chosen by exactly half makes the group a
     * tie. A gold label that does not answer a checkbox group (imported with other groups only) leaves it to them.
     */
    public static Decision decide(ResponseJudgements response, TaxonomyGroup group) {
        if (CheckboxAnswers.goldTakesPart(response, group)) {
            return new Decision(Source.GOLD, response.gold().options(group.id()));
        }
        int voters = 0;
        Map<String, Integer> votes = new HashMap<>();
        for (Map.Entry<String, Selections> label : response.byAnnotator().entrySet()) {
            Set<String> chosen = label.getValue().options(group.id());
            if (!CheckboxAnswers.takesPart(response, label.getKey(), group)
                    || group.isSingleChoice() && chosen.isEmpty()) {
                continue;
            }
            voters++;
            chosen.forEach(option -> votes.merge(option, 1, Integer::sum));
        }
        if (voters == 0) {
            return new Decision(Source.UNLABELLED, Set.of());
        }
        return group.isSingleChoice() ? plurality(votes) : majorityPerOption(votes, voters);
    }

    private static Decision plurality(Map<String, Integer> votes) {
        int best = votes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Set<String> leaders = new TreeSet<>();
        votes.forEach((option, count) -> {
            if (count == best) {
                leaders.add(option);
            }
        });
        return leaders.size() == 1 ? new Decision(Source.MAJORITY, leaders) : new Decision(Source.TIE, leaders);
    }

    private static Decision majorityPerOption(Map<String, Integer> votes, int voters) {
        Set<String> chosen = new TreeSet<>();
        boolean tie = false;
        for (Map.Entry<String, Integer> vote : votes.entrySet()) {
            if (vote.getValue() * 2 > voters) {
                chosen.add(vote.getKey());
            } else if (vote.getValue() * 2 == voters) {
                tie = true;
            }
        }
        return new Decision(tie ? Source.TIE : Source.MAJORITY, chosen);
    }
}
