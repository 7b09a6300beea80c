package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.statistics.McNemar;
import org.refusalworkbench.statistics.MultipleTesting;
import org.refusalworkbench.statistics.PairedBootstrap;
import org.refusalworkbench.taxonomy.ResponseTypes;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;

/**
 * Two models (or one model under two label sources, people and a judge) compared on the prompts both answered.
 *
 * <p>A pair is one prompt's sample k from each side (the response's sample number), so several samples of a
 * prompt make several pairs, and a sample only one side has makes none. A pair counts where both sides' labels decide the
 * outcome: the binary refusal (the response type is a full or partial refusal), or one option of a group
 * (chosen or not, where the group applies on both sides). Per subset (all, safe, unsafe, and each prompt
 * category) come the 2×2 table, McNemar's exact test and its mid-p, and the difference of rates with a paired
 * bootstrap interval that resamples prompts. McNemar's test takes the pairs as independent; where prompts have
 * several samples, read the bootstrap interval, which does not.
 *
 * <p>Holm's and Benjamini–Hochberg's adjustments run over one family per outcome: the categories with
 * {@code byCategory}, otherwise safe and unsafe. The other rows (all, and safe and unsafe beside categories)
 * are not in a family and have no adjusted value.
 */
public record PairedComparison(Side first, Side second, Optional<String> group, int resamples, long seed,
                               List<Row> rows) {

    /** The outcome name of the binary refusal, in place of an option id. */
    public static final String REFUSAL = "refusal";

    /** The subset of every pair. */
    public static final String ALL = "all";

    /** One side of the comparison: a model's responses under one label source. */
    public record Side(String model, String source, List<ResponseJudgements> responses, FinalLabels labels) {
        /** Label sources: the final labels (gold where adjudicated, else the majority), or a judge. */
        public static final String FINAL = "final";
    }

    /** What is compared, and how. {@code groupId} null compares the binary refusal. */
    public record Request(String groupId, boolean byCategory, int resamples, long seed) {
    }

    /** One outcome on one subset of the pairs. */
    public record Row(String outcome, String subset, SubsetKind kind, long pairs, long both, long firstOnly,
                      long secondOnly, long neither, Double firstRate, Double secondRate, Double difference,
                      double[] differenceCi95, Double mcnemarExactP, Double mcnemarMidP, Double holmP, Double bhP) {
    }

    /** Where a subset comes from, which decides the family it is adjusted in. */
    public enum SubsetKind { ALL, SAFETY, CATEGORY }

    /**
     * Compares the sides.
     *
     * @param categories each response id's prompt category, for the responses whose prompt has one
     * @throws IllegalArgumentException for a group that is not a response-level group of the labels, or a
     *                                  binary refusal under a taxonomy without response types
     */
    public static PairedComparison compute(Side first, Side second, Optional<ResponseTypes> responseTypes,
                                           Map<Long, String> categories, Request request) {
        List<Outcome> outcomes = outcomes(first, request.groupId(), responseTypes);
        Map<PairKey, ResponseJudgements> firstByKey = byKey(first.responses(), first.model());
        Map<PairKey, ResponseJudgements> secondByKey = byKey(second.responses(), second.model());
        // Decisions once per response: they are the slow part over a large project.
        Map<PairKey, boolean[][]> firstOutcomes = decideAll(firstByKey, secondByKey, first.labels(), outcomes);
        Map<PairKey, boolean[][]> secondOutcomes = decideAll(secondByKey, firstByKey, second.labels(), outcomes);

        List<Row> rows = new ArrayList<>();
        for (int o = 0; o < outcomes.size(); o++) {
            Map<String, Tally> tallies = new LinkedHashMap<>();
            tallies.put(ALL, new Tally(SubsetKind.ALL));
            tallies.put(SafetyLabel.SAFE.id(), new Tally(SubsetKind.SAFETY));
            tallies.put(SafetyLabel.UNSAFE.id(), new Tally(SubsetKind.SAFETY));
            Map<String, Tally> byCategory = new HashMap<>();
            for (Map.Entry<PairKey, boolean[][]> entry : firstOutcomes.entrySet()) {
                boolean[] a = entry.getValue()[o];
                boolean[] b = secondOutcomes.get(entry.getKey())[o];
                if (a == null || b == null) {
                    continue;
                }
                ResponseJudgements response = firstByKey.get(entry.getKey());
                long prompt = entry.getKey().promptId();
                tallies.get(ALL).add(prompt, a[0], b[0]);
                Tally safety = tallies.get(response.safety().id());
                if (safety != null) {
                    safety.add(prompt, a[0], b[0]);
                }
                String category = categories.get(response.responseId());
                if (request.byCategory() && category != null) {
                    byCategory.computeIfAbsent(category, c -> new Tally(SubsetKind.CATEGORY)).add(prompt, a[0], b[0]);
                }
            }
            new TreeSet<>(byCategory.keySet()).forEach(category -> tallies.put(category, byCategory.get(category)));
            rows.addAll(rowsOf(outcomes.get(o).name(), tallies, request));
        }
        return new PairedComparison(first, second, Optional.ofNullable(request.groupId()), request.resamples(),
                request.seed(), List.copyOf(rows));
    }

    /** The rows of one outcome, with p-values adjusted over its family. */
    private static List<Row> rowsOf(String outcome, Map<String, Tally> tallies, Request request) {
        SubsetKind family = request.byCategory() ? SubsetKind.CATEGORY : SubsetKind.SAFETY;
        List<String> subsets = new ArrayList<>(tallies.keySet());
        double[] familyP = new double[subsets.size()];
        java.util.Arrays.fill(familyP, Double.NaN);
        List<McNemar> tests = new ArrayList<>();
        for (int i = 0; i < subsets.size(); i++) {
            Tally tally = tallies.get(subsets.get(i));
            McNemar test = tally.pairs == 0 ? null : McNemar.test(tally.firstOnly, tally.secondOnly);
            tests.add(test);
            if (test != null && tally.kind == family) {
                familyP[i] = test.exactP();
            }
        }
        double[] holm = MultipleTesting.holm(familyP);
        double[] bh = MultipleTesting.benjaminiHochberg(familyP);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < subsets.size(); i++) {
            Tally tally = tallies.get(subsets.get(i));
            McNemar test = tests.get(i);
            double[] interval = null;
            Double firstRate = null;
            Double secondRate = null;
            Double difference = null;
            if (tally.pairs > 0) {
                PairedBootstrap.Clusters clusters = tally.clusters();
                interval = PairedBootstrap.interval95(clusters, request.resamples(), request.seed());
                firstRate = (double) (tally.both + tally.firstOnly) / tally.pairs;
                secondRate = (double) (tally.both + tally.secondOnly) / tally.pairs;
                difference = clusters.difference();
            }
            rows.add(new Row(outcome, subsets.get(i), tally.kind, tally.pairs, tally.both, tally.firstOnly,
                    tally.secondOnly, tally.neither, firstRate, secondRate, difference, interval,
                    test == null ? null : test.exactP(), test == null ? null : test.midP(),
                    Double.isNaN(holm[i]) ? null : holm[i], Double.isNaN(bh[i]) ? null : bh[i]));
        }
        return rows;
    }

    /** The binary refusal, or each option of the named group. */
    private static List<Outcome> outcomes(Side side, String groupId, Optional<ResponseTypes> responseTypes) {
        if (groupId == null) {
            ResponseTypes types = responseTypes.orElseThrow(() -> new IllegalArgumentException(
                    "the comparison is of refusal rates by default, but the taxonomy declares no response type"
                            + " roles; name a group with --group"));
            return List.of(new Outcome(REFUSAL, types.group(), null, types));
        }
        TaxonomyGroup group = side.labels().groups().stream().filter(g -> g.id().equals(groupId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no response group '" + groupId + "' labelled in"
                        + " the project (groups: " + String.join(", ", side.labels().groups().stream()
                        .map(TaxonomyGroup::id).toList()) + ")"));
        List<Outcome> outcomes = new ArrayList<>();
        for (TaxonomyOption option : group.options()) {
            outcomes.add(new Outcome(option.id(), group, option.id(), null));
        }
        return outcomes;
    }

    /** What is counted for one response: the refusal, or one option chosen. */
    private record Outcome(String name, TaxonomyGroup group, String option, ResponseTypes types) {
        /** True or false where the labels decide it; null where they do not. */
        Boolean of(Map<String, FinalLabels.Decided> decided) {
            FinalLabels.Decided decision = decided.get(group.id());
            if (decision == null || !decision.isDecided()) {
                return null;
            }
            if (types != null) {
                return decision.options().size() == 1 ? types.isRefusal(decision.options().iterator().next())
                        : null;
            }
            return decision.options().contains(option);
        }
    }

    /** Sample k of a prompt; {@code repeat} numbers responses that share a sample number, so none is lost. */
    private record PairKey(long promptId, int sample, int repeat) {
    }

    /** A side's responses by prompt and sample number. */
    private static Map<PairKey, ResponseJudgements> byKey(List<ResponseJudgements> responses, String model) {
        Map<PairKey, ResponseJudgements> byKey = new LinkedHashMap<>();
        Map<PairKey, Integer> repeats = new HashMap<>();
        for (ResponseJudgements response : responses) {
            if (!Objects.equals(response.model(), model)) {
                continue;
            }
            int repeat = repeats.merge(new PairKey(response.promptId(), response.sample(), 0), 1, Integer::sum);
            byKey.put(new PairKey(response.promptId(), response.sample(), repeat), response);
        }
        return byKey;
    }

    /** Each outcome of each response that has a partner, as {@code [outcome] = {value}} or null where undecided. */
    private static Map<PairKey, boolean[][]> decideAll(Map<PairKey, ResponseJudgements> side,
                                                       Map<PairKey, ResponseJudgements> other, FinalLabels labels,
                                                       List<Outcome> outcomes) {
        Map<PairKey, boolean[][]> decided = new LinkedHashMap<>();
        side.forEach((key, response) -> {
            if (!other.containsKey(key)) {
                return;
            }
            Map<String, FinalLabels.Decided> byGroup = new HashMap<>();
            labels.decide(response).forEach(decision -> byGroup.put(decision.group().id(), decision));
            boolean[][] values = new boolean[outcomes.size()][];
            for (int o = 0; o < outcomes.size(); o++) {
                Boolean value = outcomes.get(o).of(byGroup);
                values[o] = value == null ? null : new boolean[] {value};
            }
            decided.put(key, values);
        });
        return decided;
    }

    /** Counts of one subset, and per prompt for the bootstrap. */
    private static final class Tally {
        final SubsetKind kind;
        long pairs;
        long both;
        long firstOnly;
        long secondOnly;
        long neither;
        final Map<Long, int[]> byPrompt = new LinkedHashMap<>();

        Tally(SubsetKind kind) {
            this.kind = kind;
        }

        void add(long prompt, boolean a, boolean b) {
            pairs++;
            if (a && b) {
                both++;
            } else if (a) {
                firstOnly++;
            } else if (b) {
                secondOnly++;
            } else {
                neither++;
            }
            int[] cluster = byPrompt.computeIfAbsent(prompt, p -> new int[3]);
            cluster[0]++;
            cluster[1] += a ? 1 : 0;
            cluster[2] += b ? 1 : 0;
        }

        PairedBootstrap.Clusters clusters() {
            int size = byPrompt.size();
            int[] pairs = new int[size];
            int[] first = new int[size];
            int[] second = new int[size];
            int i = 0;
            for (int[] cluster : byPrompt.values()) {
                pairs[i] = cluster[0];
                first[i] = cluster[1];
                second[i] = cluster[2];
                i++;
            }
            return new PairedBootstrap.Clusters(pairs, first, second);
        }
    }
}
