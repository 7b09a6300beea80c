package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;

/**
 * The label each response ends up with, group by group, as a dataset ships it (XSTest's {@code final_label}): the
 * gold label where a reviewer adjudicated, otherwise the annotators' majority ({@link Consensus}), a tie or nothing
 * where there is none. A group that applies only under a condition (refusal type, for refusals) is decided only
 * where the decided answers meet it; groups nobody in the project used are left out.
 *
 * <p>This is the one rule for what the majority label is: review's "accept the majority" takes it from here too,
 * from the annotators' labels alone, and differs only in how it treats ties, which {@link ConditionTies} names.
 */
public final class FinalLabels {

    /**
     * What becomes of a group that is tied while the group its condition names is tied too (refusal type tied while
     * annotators are also split on whether the response is a refusal).
     */
    public enum ConditionTies {
        /**
         * Left out, like any group whose condition the decided answers do not meet: what ships is decided labels,
         * and nothing decided that the group applies.
         */
        LEAVE_OUT,
        /**
         * Kept as a tie: a reviewer who settles the condition may find the group applies and is still split, so
         * review names both ties at once instead of revealing the second only after the first is settled.
         */
        KEEP
    }

    /** One group's outcome for one response. */
    public record Decided(TaxonomyGroup group, Consensus.Source source, Set<String> options) {
        /** A gold label or a majority, rather than a tie or nothing. */
        public boolean isDecided() {
            return source == Consensus.Source.GOLD || source == Consensus.Source.MAJORITY;
        }
    }

    private final List<TaxonomyGroup> groups;

    private FinalLabels(List<TaxonomyGroup> groups) {
        this.groups = groups;
    }

    /** The response-level groups someone in {@code responses} used, in taxonomy order. */
    public static FinalLabels of(List<ResponseJudgements> responses, Taxonomy taxonomy) {
        Set<String> used = new HashSet<>();
        for (ResponseJudgements response : responses) {
            response.byAnnotator().values().forEach(selections -> used.addAll(selections.groups()));
            if (response.gold() != null) {
                used.addAll(response.gold().groups());
            }
        }
        return new FinalLabels(taxonomy.groups(GroupLevel.RESPONSE).stream()
                .filter(group -> used.contains(group.id())).toList());
    }

    /** The rule over the given groups, whether or not anyone used them (review decides every response-level one). */
    public static FinalLabels over(List<TaxonomyGroup> groups) {
        return new FinalLabels(List.copyOf(groups));
    }

    public List<TaxonomyGroup> groups() {
        return groups;
    }

    /**
     * Every group's outcome for {@code response}, in {@link #groups()} order; a group whose condition the decided
     * answers do not meet is left out.
     */
    public List<Decided> decide(ResponseJudgements response) {
        return decide(response, ConditionTies.LEAVE_OUT);
    }

    /**
     * As {@link #decide(ResponseJudgements)}, with {@code ties} saying whether a tied group whose condition's group
     * is tied too is kept as a tie.
     */
    public List<Decided> decide(ResponseJudgements response, ConditionTies ties) {
        // Conditions name groups without conditions of their own (refusal type applies when the response type is a
        // refusal): those are decided first, and what they decided is what the conditions are checked against.
        Map<String, Set<String>> unconditional = new LinkedHashMap<>();
        Map<String, Consensus.Decision> decisions = new LinkedHashMap<>();
        for (TaxonomyGroup group : groups) {
            if (group.appliesWhen().isEmpty()) {
                Consensus.Decision decision = Consensus.decide(response, group);
                decisions.put(group.id(), decision);
                if (decision.isDecided()) {
                    unconditional.put(group.id(), decision.options());
                }
            }
        }
        Selections decidedAnswers = Selections.of(unconditional);
        List<Decided> decided = new ArrayList<>();
        for (TaxonomyGroup group : groups) {
            Consensus.Decision decision = decisions.get(group.id());
            if (decision == null && group.appliesTo(decidedAnswers)) {
                decision = Consensus.decide(response, group);
            } else if (decision == null && ties == ConditionTies.KEEP && conditionTied(group, decisions)) {
                Consensus.Decision tie = Consensus.decide(response, group);
                decision = tie.source() == Consensus.Source.TIE ? tie : null;
            }
            if (decision != null) {
                decided.add(new Decided(group, decision.source(), decision.options()));
            }
        }
        return decided;
    }

    private static boolean conditionTied(TaxonomyGroup group, Map<String, Consensus.Decision> unconditional) {
        return group.appliesWhen().keySet().stream().map(unconditional::get)
                .anyMatch(decision -> decision != null && decision.source() == Consensus.Source.TIE);
    }
}
