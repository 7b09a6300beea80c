package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;

/**
 * How much the annotators of one response disagree, for ordering the review queue. For each response-level group
 * that at least one annotator filled in, the share of pairs of the annotators who answered it (see
 * {@link org.refusalworkbench.domain.RaterCoverage}) whose selections differ; the score is the mean
 * over those groups, from 0 (everyone agrees) to 1 (no two annotators agree anywhere). A response with fewer than
 * two annotators scores 0: there is nothing to dispute.
 *
 * @param score          mean share of disagreeing pairs over the groups used
 * @param disputedGroups groups where at least one pair differs
 * @param splitOptions   group → options chosen by some but not all annotators
 */
public record Disagreement(ResponseJudgements response, double score, Set<String> disputedGroups,
                           Map<String, Set<String>> splitOptions) {

    /** Most disputed first; equal scores keep project order. */
    public static final Comparator<Disagreement> MOST_DISPUTED_FIRST = Comparator
            .comparingDouble(Disagreement::score).reversed()
            .thenComparingLong(disagreement -> disagreement.response().responseId());

    public static Disagreement of(ResponseJudgements response, Taxonomy taxonomy) {
        Set<String> disputed = new TreeSet<>();
        Map<String, Set<String>> split = new java.util.TreeMap<>();
        double total = 0;
        int groupsUsed = 0;
        for (TaxonomyGroup group : taxonomy.groups(GroupLevel.RESPONSE)) {
            List<Selections> labels = answering(response, group);
            boolean used = labels.stream().anyMatch(selections -> !selections.options(group.id()).isEmpty());
            if (!used) {
                continue;
            }
            groupsUsed++;
            if (labels.size() < 2) {
                continue;
            }
            int pairs = 0;
            int differing = 0;
            for (int a = 0; a < labels.size(); a++) {
                for (int b = a + 1; b < labels.size(); b++) {
                    pairs++;
                    if (!labels.get(a).options(group.id()).equals(labels.get(b).options(group.id()))) {
                        differing++;
                    }
                }
            }
            total += (double) differing / pairs;
            if (differing > 0) {
                disputed.add(group.id());
                Set<String> options = new TreeSet<>();
                group.options().forEach(option -> {
                    long chosen = labels.stream().filter(selections -> selections.has(group.id(), option.id()))
                            .count();
                    if (chosen > 0 && chosen < labels.size()) {
                        options.add(option.id());
                    }
                });
                split.put(group.id(), Set.copyOf(options));
            }
        }
        return new Disagreement(response, groupsUsed == 0 ? 0 : total / groupsUsed, Set.copyOf(disputed),
                Map.copyOf(split));
    }

    /** The labels that answer {@code group}: an imported label's untouched checkbox group is no answer to dispute. */
    private static List<Selections> answering(ResponseJudgements response, TaxonomyGroup group) {
        List<Selections> labels = new ArrayList<>();
        response.byAnnotator().forEach((annotator, selections) -> {
            if (CheckboxAnswers.takesPart(response, annotator, group)) {
                labels.add(selections);
            }
        });
        return labels;
    }

    /** Every labelled response, most disputed first. */
    public static List<Disagreement> rank(List<ResponseJudgements> responses, Taxonomy taxonomy) {
        return responses.stream().filter(response -> !response.byAnnotator().isEmpty())
                .map(response -> of(response, taxonomy)).sorted(MOST_DISPUTED_FIRST).toList();
    }

    public boolean isDisputed() {
        return !disputedGroups.isEmpty();
    }
}
