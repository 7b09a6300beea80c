package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The paired comparison as JSON-ready maps, as a CSV table of one row per outcome and subset, and as a paper table. */
public final class PairedComparisonTables {

    private PairedComparisonTables() {
    }

    public static Map<String, Object> toJson(PairedComparison comparison, String project) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("project", project);
        root.put("models", List.of(comparison.first().model(), comparison.second().model()));
        root.put("label_sources", List.of(comparison.first().source(), comparison.second().source()));
        root.put("group", comparison.group().orElse(null));
        root.put("pairing", "sample k of a prompt from each side; a pair counts where both sides' labels decide the"
                + " outcome");
        Map<String, Object> bootstrap = new LinkedHashMap<>();
        bootstrap.put("resamples", comparison.resamples());
        bootstrap.put("seed", comparison.seed());
        bootstrap.put("unit", "prompt");
        bootstrap.put("interval", "percentile");
        root.put("bootstrap", bootstrap);
        root.put("adjusted_over", comparison.rows().stream().anyMatch(row -> row.kind()
                == PairedComparison.SubsetKind.CATEGORY) ? "category" : "safety");
        List<Map<String, Object>> subsets = new ArrayList<>();
        for (PairedComparison.Row row : comparison.rows()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("outcome", row.outcome());
            entry.put("subset", row.subset());
            entry.put("kind", row.kind().name().toLowerCase(Locale.ROOT));
            entry.put("pairs", row.pairs());
            entry.put("both", row.both());
            entry.put("a_only", row.firstOnly());
            entry.put("b_only", row.secondOnly());
            entry.put("neither", row.neither());
            entry.put("rate_a", row.firstRate());
            entry.put("rate_b", row.secondRate());
            Map<String, Object> difference = new LinkedHashMap<>();
            difference.put("value", row.difference());
            difference.put("ci95", row.differenceCi95() == null ? null
                    : List.of(row.differenceCi95()[0], row.differenceCi95()[1]));
            entry.put("difference", difference);
            entry.put("mcnemar_exact_p", row.mcnemarExactP());
            entry.put("mcnemar_midp", row.mcnemarMidP());
            entry.put("holm_p", row.holmP());
            entry.put("bh_p", row.bhP());
            subsets.add(entry);
        }
        root.put("subsets", subsets);
        return root;
    }

    /** One row per outcome and subset with every figure at full precision, for pandas or R. */
    public static LongTable longTable(PairedComparison comparison) {
        LongTable.Builder table = new LongTable.Builder("model_a", "source_a", "model_b", "source_b", "group",
                "outcome", "subset", "kind", "pairs", "both", "a_only", "b_only", "neither", "rate_a", "rate_b",
                "difference", "difference_ci_low", "difference_ci_high", "mcnemar_exact_p", "mcnemar_midp",
                "holm_p", "bh_p");
        for (PairedComparison.Row row : comparison.rows()) {
            double[] ci = row.differenceCi95();
            table.add(comparison.first().model(), comparison.first().source(), comparison.second().model(),
                    comparison.second().source(), comparison.group().orElse(null), row.outcome(), row.subset(),
                    row.kind().name().toLowerCase(Locale.ROOT), row.pairs(), row.both(), row.firstOnly(),
                    row.secondOnly(), row.neither(), row.firstRate(), row.secondRate(), row.difference(),
                    ci == null ? null : ci[0], ci == null ? null : ci[1], row.mcnemarExactP(), row.mcnemarMidP(),
                    row.holmP(), row.bhP());
        }
        return table.build();
    }

    /** One table per outcome, with what the numbers mean in the caption. */
    public static List<PaperTable> paperTables(PairedComparison comparison) {
        String a = describe(comparison.first());
        String b = describe(comparison.second());
        boolean byCategory = comparison.rows().stream().anyMatch(row -> row.kind()
                == PairedComparison.SubsetKind.CATEGORY);
        Map<String, List<PairedComparison.Row>> byOutcome = new LinkedHashMap<>();
        comparison.rows().forEach(row -> byOutcome.computeIfAbsent(row.outcome(), o -> new ArrayList<>()).add(row));
        List<PaperTable> tables = new ArrayList<>();
        byOutcome.forEach((outcome, rows) -> {
            String what = outcome.equals(PairedComparison.REFUSAL) ? "refusal (full or partial)"
                    : "option " + outcome + " of " + comparison.group().orElse("");
            String caption = "Paired comparison of A = " + a + " and B = " + b + ": " + what + ". Rates in %"
                    + " to one decimal over the pairs where both labels decide it (n = pairs); difference A − B in"
                    + " percentage points with a 95% percentile bootstrap interval (" + comparison.resamples()
                    + " resamples of prompts, seed " + comparison.seed() + "); two-sided exact McNemar p and mid-p;"
                    + " Holm and Benjamini–Hochberg adjusted over " + (byCategory ? "categories" : "safe and unsafe")
                    + "; p-values to three decimals.";
            PaperTable.Builder table = new PaperTable.Builder(caption, "Subset", "#n", "#Both", "#A only",
                    "#B only", "#Neither", "#A (%)", "#B (%)", "#Δ (pp) [95% CI]", "#McNemar p", "#mid-p",
                    "#Holm p", "#BH p");
            for (PairedComparison.Row row : rows) {
                double[] ci = row.differenceCi95();
                table.add(row.subset(), Long.toString(row.pairs()), Long.toString(row.both()),
                        Long.toString(row.firstOnly()), Long.toString(row.secondOnly()), Long.toString(row.neither()),
                        PaperTableText.percent(row.firstRate()), PaperTableText.percent(row.secondRate()),
                        row.difference() == null ? "–" : PaperTableText.percentWithInterval(row.difference(),
                                ci == null ? null : ci[0], ci == null ? null : ci[1]),
                        PaperTableText.pValue(row.mcnemarExactP()), PaperTableText.pValue(row.mcnemarMidP()),
                        PaperTableText.pValue(row.holmP()), PaperTableText.pValue(row.bhP()));
            }
            tables.add(table.build());
        });
        return tables;
    }

    private static String describe(PairedComparison.Side side) {
        return side.model() + " (" + (side.source().equals(PairedComparison.Side.FINAL)
                ? "final labels: gold where adjudicated, else the annotators' majority" : side.source()) + ")";
    }
}
