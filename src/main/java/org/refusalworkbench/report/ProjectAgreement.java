package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.report.AgreementMeasures.Level;
import org.refusalworkbench.report.AgreementMeasures.Measured;
import org.refusalworkbench.report.AgreementMeasures.Rating;
import org.refusalworkbench.report.AgreementMeasures.RatingSet;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;

/**
 * Inter-annotator agreement of a project, per taxonomy group and per option, built from every response's labels.
 *
 * <p>Units are responses and raters are annotators; gold labels are never counted as an annotator. A single-choice
 * group is a nominal variable over its options; a multiple-choice group is a set variable (MASI distance), and each
 * of its options is also measured as a yes/no variable. A group that applies only to some responses (refusal type and
 * quality apply to refusals) is rated on each response by the annotators who marked it so. Groups nobody used are
 * left out.
 *
 * <p>Adjudication: each annotator's agreement with the gold labels, and per group the agreement before (annotators
 * only) and after adjudication (the gold label added as one more rater on the responses that have one), with the
 * number of disputed responses and how many of them have a gold label.
 */
public final class ProjectAgreement {

    /** The rater name under which gold labels join the "after adjudication" figures. */
    public static final String GOLD = "gold";
    /** One measured variable: a group ({@code option} null) or one option of a group as yes/no. */
    public record Row(String group, String option, String label, Measured measured) {
        public boolean isGroup() {
            return option == null;
        }
    }

    /** One annotator against the gold labels on one variable, over the responses with both. */
    public record GoldAgreement(String annotator, String group, String option, Double kappa, Double percent,
                                int units) {
    }

    /** Agreement on a group before and after adjudication. */
    public record AdjudicationEffect(String group, String label, Double alphaBefore, Double alphaAfter,
                                     int disputed, int disputedAdjudicated) {
        public Double shareResolved() {
            return disputed == 0 ? null : (double) disputedAdjudicated / disputed;
        }
    }

    /** Which part of the project to measure; empty sets mean everything. */
    public record Selection(Set<String> groups, Set<String> annotators) {
        public static Selection all() {
            return new Selection(Set.of(), Set.of());
        }
    }

    private final Taxonomy taxonomy;
    private final List<String> annotators;
    private final List<Row> rows;
    /** Per single-choice group, every pair's confusion matrix, counted while the ratings were at hand. */
    private final Map<String, PairConfusions> confusions;
    private final Map<String, AgreementMeasures.PairwiseKappa> pairwise;
    private final List<GoldAgreement> gold;
    private final List<AdjudicationEffect> adjudication;
    private final int adjudicatedResponses;

    private ProjectAgreement(Taxonomy taxonomy, List<String> annotators, List<Row> rows,
                             Map<String, PairConfusions> confusions,
                             Map<String, AgreementMeasures.PairwiseKappa> pairwise,
                             List<GoldAgreement> gold, List<AdjudicationEffect> adjudication,
                             int adjudicatedResponses) {
        this.taxonomy = taxonomy;
        this.annotators = annotators;
        this.rows = rows;
        this.confusions = confusions;
        this.pairwise = pairwise;
        this.gold = gold;
        this.adjudication = adjudication;
        this.adjudicatedResponses = adjudicatedResponses;
    }

    public static ProjectAgreement compute(List<ResponseJudgements> responses, Taxonomy taxonomy,
                                           AgreementMeasures measures, Selection selection) {
        List<ResponseJudgements> scoped = responses.stream().map(response -> only(response, selection.annotators()))
                .filter(response -> !response.byAnnotator().isEmpty()).toList();
        List<String> annotators = scoped.stream().flatMap(response -> response.byAnnotator().keySet().stream())
                .distinct().sorted().toList();
        Set<String> used = new HashSet<>();
        scoped.forEach(response -> response.byAnnotator().values().forEach(s -> used.addAll(s.groups())));
        List<Row> rows = new ArrayList<>();
        Map<String, PairConfusions> confusions = new LinkedHashMap<>();
        Map<String, AgreementMeasures.PairwiseKappa> pairwise = new LinkedHashMap<>();
        List<GoldAgreement> gold = new ArrayList<>();
        List<AdjudicationEffect> effects = new ArrayList<>();
        for (TaxonomyGroup group : taxonomy.groups(GroupLevel.RESPONSE)) {
            if (!used.contains(group.id())
                    || !selection.groups().isEmpty() && !selection.groups().contains(group.id())) {
                continue;
            }
            List<ResponseJudgements> units = scoped.stream().filter(response -> applies(group, response)).toList();
            RatingSet ratings = ratings(group, null, units, false);
            if (ratings.level() == Level.NOMINAL) {
                confusions.put(group.id(), PairConfusions.count(ratings));
            }
            rows.add(new Row(group.id(), null, group.label(), measures.measure(ratings, true)));
            pairwise.put(group.id(), measures.pairwise(ratings));
            // Each option as its own yes/no variable: for a checkbox group, "ticked or not"; for a single-choice
            // group, "chosen or not", which is Fleiss' category-specific kappa and shows which answers are confused.
            for (TaxonomyOption option : group.options()) {
                rows.add(new Row(group.id(), option.id(), option.label(),
                        measures.measure(ratings(group, option.id(), units, false), true)));
            }
            effects.add(effect(group, units, ratings, measures));
            gold.addAll(goldAgreement(group, units, annotators, measures));
        }
        int adjudicated = (int) scoped.stream().filter(ResponseJudgements::isAdjudicated).count();
        return new ProjectAgreement(taxonomy, annotators, List.copyOf(rows), confusions, pairwise,
                List.copyOf(gold), List.copyOf(effects), adjudicated);
    }

    private static ResponseJudgements only(ResponseJudgements response, Set<String> annotators) {
        Map<String, Selections> labels = new LinkedHashMap<>();
        response.byAnnotator().forEach((name, selections) -> {
            if (!selections.isEmpty() && (annotators.isEmpty() || annotators.contains(name))) {
                labels.put(name, selections);
            }
        });
        return response.withLabels(labels);
    }

    /**
     * A group with a condition counts a response when some annotator's label meets it, and is rated there by those
     * whose labels do ({@link CheckboxAnswers}).
     */
    private static boolean applies(TaxonomyGroup group, ResponseJudgements response) {
        return group.appliesWhen().isEmpty()
                || response.byAnnotator().values().stream().anyMatch(group::appliesTo);
    }

    /** Annotators' ratings of one group, or of one option as yes/no; with {@code withGold} the gold label too. */
    private static RatingSet ratings(TaxonomyGroup group, String option, List<ResponseJudgements> units,
                                     boolean withGold) {
        List<Rating> ratings = new ArrayList<>();
        for (ResponseJudgements response : units) {
            String unit = Long.toString(response.responseId());
            response.byAnnotator().forEach((name, selections) -> {
                if (CheckboxAnswers.takesPart(response, name, group)) {
                    addRating(ratings, group, option, unit, name, selections);
                }
            });
            if (withGold && CheckboxAnswers.goldTakesPart(response, group)) {
                addRating(ratings, group, option, unit, GOLD, response.gold());
            }
        }
        if (option != null) {
            return new RatingSet(Level.NOMINAL, List.of("no", "yes"), ratings);
        }
        return new RatingSet(group.isSingleChoice() ? Level.NOMINAL : Level.SET,
                group.options().stream().map(TaxonomyOption::id).toList(), ratings);
    }

    private static void addRating(List<Rating> ratings, TaxonomyGroup group, String option, String unit,
                                  String rater, Selections selections) {
        Set<String> chosen = selections.options(group.id());
        if (option != null) {
            // An annotator who left a single-choice group unanswered has no rating on its options either.
            if (!group.isSingleChoice() || chosen.size() == 1) {
                ratings.add(new Rating(unit, rater, Set.of(chosen.contains(option) ? "yes" : "no")));
            }
        } else if (!group.isSingleChoice()) {
            ratings.add(new Rating(unit, rater, Set.copyOf(chosen)));
        } else if (chosen.size() == 1) {
            ratings.add(new Rating(unit, rater, Set.copyOf(chosen)));
        }
    }

    private static AdjudicationEffect effect(TaxonomyGroup group, List<ResponseJudgements> units,
                                             RatingSet before, AgreementMeasures measures) {
        Map<String, Set<Set<String>>> valuesByUnit = new LinkedHashMap<>();
        Map<String, Integer> countByUnit = new LinkedHashMap<>();
        for (Rating rating : before.ratings()) {
            valuesByUnit.computeIfAbsent(rating.unit(), unit -> new HashSet<>()).add(rating.values());
            countByUnit.merge(rating.unit(), 1, Integer::sum);
        }
        Set<String> adjudicated = new TreeSet<>();
        units.stream().filter(ResponseJudgements::isAdjudicated)
                .forEach(response -> adjudicated.add(Long.toString(response.responseId())));
        int disputed = 0;
        int resolved = 0;
        for (Map.Entry<String, Set<Set<String>>> unit : valuesByUnit.entrySet()) {
            if (countByUnit.get(unit.getKey()) >= 2 && unit.getValue().size() > 1) {
                disputed++;
                resolved += adjudicated.contains(unit.getKey()) ? 1 : 0;
            }
        }
        Double alphaBefore = measures.measure(before, false).coefficient(HeadlineMetric.ALPHA).value();
        Double alphaAfter = adjudicated.isEmpty() ? alphaBefore
                : measures.measure(ratings(group, null, units, true), false).coefficient(HeadlineMetric.ALPHA).value();
        return new AdjudicationEffect(group.id(), group.label(), alphaBefore, alphaAfter, disputed, resolved);
    }

    private static List<GoldAgreement> goldAgreement(TaxonomyGroup group, List<ResponseJudgements> units,
                                                     List<String> annotators, AgreementMeasures measures) {
        List<ResponseJudgements> adjudicated = units.stream().filter(ResponseJudgements::isAdjudicated).toList();
        List<GoldAgreement> result = new ArrayList<>();
        if (adjudicated.isEmpty()) {
            return result;
        }
        List<String> variables = new ArrayList<>();
        variables.add(null);
        if (!group.isSingleChoice()) {
            group.options().forEach(option -> variables.add(option.id()));
        }
        for (String annotator : annotators) {
            List<ResponseJudgements> pairs = adjudicated.stream()
                    .filter(response -> response.byAnnotator().containsKey(annotator))
                    .map(response -> response.withLabels(Map.of(annotator, response.byAnnotator().get(annotator))))
                    .toList();
            if (pairs.isEmpty()) {
                continue;
            }
            for (String option : variables) {
                Measured measured = measures.measure(ratings(group, option, pairs, true), false);
                result.add(new GoldAgreement(annotator, group.id(), option, measured.coefficient(HeadlineMetric.KAPPA).value(),
                        measured.coefficient(HeadlineMetric.PERCENT).value(), measured.units()));
            }
        }
        return result;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public List<String> annotators() {
        return annotators;
    }

    /** Groups and, after each multiple-choice group, its options. */
    public List<Row> rows() {
        return rows;
    }

    public Map<String, AgreementMeasures.PairwiseKappa> pairwise() {
        return pairwise;
    }

    public List<GoldAgreement> goldAgreement() {
        return gold;
    }

    public List<AdjudicationEffect> adjudication() {
        return adjudication;
    }

    public int adjudicatedResponses() {
        return adjudicatedResponses;
    }

    /** Single-choice groups, whose pairs of annotators have a confusion matrix. */
    public List<String> singleChoiceGroups() {
        return List.copyOf(confusions.keySet());
    }

    /** A lookup, not a computation: the counts were kept when the report was built. */
    public AgreementMeasures.Confusion confusion(String group, String first, String second) {
        PairConfusions pairs = confusions.get(group);
        if (pairs == null) {
            throw new IllegalArgumentException(group + " is not a single-choice group of this report");
        }
        return pairs.of(first, second);
    }
}
