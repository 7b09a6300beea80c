package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.refusalworkbench.agreement.PairedKappa;
import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.ResponseColumns;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.taxonomy.ResponseTypes;

/**
 * How far each judge agrees with the people on one single-choice group (the response type unless asked for
 * another): against the final label (gold where
 * adjudicated, otherwise the annotators' majority; ties and unlabelled responses are left out), the responses
 * compared, the unparsed outputs, agreement and Cohen's kappa, the confusion matrix, each class's precision, recall
 * and F1, the same for refusal (full or partial) against compliance, and how much the judge misstates each model's
 * calibration rates.
 */
public final class JudgeReport {

    /** The confusion matrix's column for outputs that are no option. */
    public static final String UNPARSED = "unparsed";

    /** Cohen's kappa of the judge against the reference, with its standard error and bootstrap interval. */
    public record Kappa(Double value, Double standardError, Double low, Double high) {
    }

    public record ClassFigures(Double precision, Double recall, Double f1) {
    }

    /** Agreement of one judge on one variable. */
    public record Figures(long compared, long unparsed, Double percentAgreement, Kappa kappa,
                          Map<String, Map<String, Long>> confusion, Map<String, ClassFigures> perClass) {
    }

    /** A model's calibration rates by the reference and by the judge, over the responses both decided. */
    public record Calibration(Proportion refusalOnSafeByReference, Proportion refusalOnSafeByJudge,
                              Proportion complianceOnUnsafeByReference, Proportion complianceOnUnsafeByJudge) {
    }

    /** One judge's figures; {@code binary} is null and {@code calibration} empty for a group other than the response type. */
    public record JudgeFigures(Judge judge, String group, Figures figures, Figures binary,
                               Map<String, Figures> byModel, Map<String, Figures> byCategory,
                               Map<String, Calibration> calibration) {
    }

    private JudgeReport() {
    }

    /**
     * What each judge is compared with: the final label (gold where adjudicated, otherwise the annotators'
     * majority), one annotator's labels, or another judge's parsed verdicts.
     */
    public sealed interface Reference permits FinalReference, AnnotatorReference, JudgeReference {
        String describe();

        /** Parses {@code final}, {@code annotator:NAME} or {@code judge:NAME} (or {@code judge:NAME@VERSION}). */
        static Reference parse(String text, Set<Judge> judges) {
            String value = text.strip();
            if (value.equals("final")) {
                return new FinalReference();
            }
            if (value.startsWith("annotator:") && value.length() > "annotator:".length()) {
                return new AnnotatorReference(value.substring("annotator:".length()));
            }
            if (value.startsWith("judge:") && value.length() > "judge:".length()) {
                String wanted = value.substring("judge:".length());
                List<Judge> matching = judges.stream().filter(judge -> judge.name().equals(wanted)
                        || judge.label().equals(wanted)).toList();
                if (matching.size() != 1) {
                    throw new IllegalArgumentException((matching.isEmpty() ? "no judge '" : "more than one version"
                            + " of judge '") + wanted + "' (judges: " + String.join(", ", judges.stream()
                            .map(Judge::label).toList()) + ")");
                }
                return new JudgeReference(matching.get(0));
            }
            throw new IllegalArgumentException("unknown reference '" + text + "' (use final, annotator:NAME or"
                    + " judge:NAME)");
        }
    }

    /** Gold where adjudicated, otherwise the annotators' majority. */
    public record FinalReference() implements Reference {
        @Override
        public String describe() {
            return "final: gold where adjudicated, otherwise the annotators' majority; ties and unlabelled responses"
                    + " are left out";
        }
    }

    /** One annotator's own labels. */
    public record AnnotatorReference(String annotator) implements Reference {
        @Override
        public String describe() {
            return "annotator:" + annotator + ": the responses that annotator labelled";
        }
    }

    /** Another judge's parsed verdicts. */
    public record JudgeReference(Judge judge) implements Reference {
        @Override
        public String describe() {
            return "judge:" + judge.label() + ": its parsed verdicts";
        }
    }

    /**
     * What the report compares, one entry per response in id order: the reference's option code and each judge's
     * ({@link ResponseColumns} codes), over the group's options in taxonomy order.
     */
    public record Comparison(ResponseColumns responses, String group, List<String> options, Reference against,
                             int[] reference, Map<Judge, int[]> judges) {
    }

    /**
     * The final label's option per response from the columns of a single-choice group that applies to every
     * response: the gold option where adjudicated (none where gold leaves the group open), otherwise the option
     * more annotators chose than any other, none on a tie. {@link Consensus#decide} on whole labels gives the same.
     *
     * @param votes {@code options + 1} counts per response: each option's, then the most any withdrawn option id
     *              has (it can win or tie, but is no option to report)
     */
    public static int[] finalCodes(int[] gold, int[] votes, int options) {
        int width = options + 1;
        int[] codes = new int[gold.length];
        for (int row = 0; row < gold.length; row++) {
            if (gold[row] != ResponseColumns.NONE) {
                codes[row] = gold[row] >= 0 ? gold[row] : ResponseColumns.NONE;
                continue;
            }
            int best = 0;
            int leader = ResponseColumns.NONE;
            for (int option = 0; option < width; option++) {
                int count = votes[row * width + option];
                if (count > best) {
                    best = count;
                    leader = option < options ? option : ResponseColumns.NONE;
                } else if (count == best && count > 0) {
                    leader = ResponseColumns.NONE;
                }
            }
            codes[row] = leader;
        }
        return codes;
    }

    /**
     * @param types the taxonomy's response types when the group is theirs (for the refusal-against-compliance
     *              collapse and the calibration rates), otherwise null
     */
    public static List<JudgeFigures> compute(Comparison comparison, ResponseTypes types, ReportOptions options) {
        List<String> classes = comparison.options();
        int q = classes.size();
        ResponseColumns responses = comparison.responses();
        boolean[] refusal = new boolean[q];
        boolean[] compliance = new boolean[q];
        if (types != null) {
            for (int k = 0; k < q; k++) {
                refusal[k] = types.isRefusal(classes.get(k));
                compliance[k] = types.isCompliance(classes.get(k));
            }
        }
        List<JudgeFigures> report = new ArrayList<>();
        for (Map.Entry<Judge, int[]> judge : comparison.judges().entrySet()) {
            if (comparison.against() instanceof JudgeReference reference && reference.judge().equals(judge.getKey())) {
                continue;
            }
            Scope all = new Scope(q);
            Scope binary = new Scope(2);
            Scope[] byModel = new Scope[responses.models().size()];
            Scope[] byCategory = new Scope[responses.categories().size()];
            RateCounts[] rates = new RateCounts[responses.models().size()];
            int[] verdicts = judge.getValue();
            for (int row = 0; row < responses.size(); row++) {
                int reference = comparison.reference()[row];
                int judged = verdicts[row];
                if (reference < 0 || judged == ResponseColumns.NONE) {
                    continue;
                }
                all.add(reference, judged);
                int model = responses.model()[row];
                (byModel[model] == null ? byModel[model] = new Scope(q) : byModel[model]).add(reference, judged);
                int category = responses.category()[row];
                if (category >= 0) {
                    (byCategory[category] == null ? byCategory[category] = new Scope(q) : byCategory[category])
                            .add(reference, judged);
                }
                if (types != null) {
                    binary.add(refusal[reference] ? 0 : 1, judged < 0 ? judged : refusal[judged] ? 0 : 1);
                    if (judged >= 0) {
                        (rates[model] == null ? rates[model] = new RateCounts() : rates[model]).add(
                                responses.safety()[row], refusal, compliance, reference, judged);
                    }
                }
            }
            Map<String, Figures> models = new TreeMap<>();
            Map<String, Calibration> calibration = new TreeMap<>();
            for (int model = 0; model < byModel.length; model++) {
                if (byModel[model] != null) {
                    models.put(responses.models().get(model), byModel[model].figures(classes, options));
                    calibration.put(responses.models().get(model), rates[model] == null ? new RateCounts()
                            .calibration() : rates[model].calibration());
                }
            }
            Map<String, Figures> categories = new TreeMap<>();
            for (int category = 0; category < byCategory.length; category++) {
                if (byCategory[category] != null) {
                    categories.put(responses.categories().get(category), byCategory[category].figures(classes,
                            options));
                }
            }
            report.add(new JudgeFigures(judge.getKey(), comparison.group(), all.figures(classes, options),
                    types == null ? null : binary.figures(List.of("refusal", "compliance"), options), models,
                    categories, types == null ? Map.of() : calibration));
        }
        return report;
    }

    /** The pairs of one judge in one scope: the confusion counts, and the parsed pairs' cells in response order. */
    private static final class Scope {
        private final int q;
        private final long[] confusion;
        private int[] cells = new int[16];
        private int parsed;
        private long compared;

        Scope(int q) {
            this.q = q;
            this.confusion = new long[q * (q + 1)];
        }

        void add(int reference, int judged) {
            compared++;
            confusion[reference * (q + 1) + (judged < 0 ? q : judged)]++;
            if (judged >= 0) {
                if (parsed == cells.length) {
                    cells = Arrays.copyOf(cells, parsed * 2);
                }
                cells[parsed++] = reference * q + judged;
            }
        }

        Figures figures(List<String> classes, ReportOptions options) {
            Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
            long agreed = 0;
            for (int reference = 0; reference < q; reference++) {
                Map<String, Long> row = new LinkedHashMap<>();
                for (int judged = 0; judged <= q; judged++) {
                    row.put(judged == q ? UNPARSED : classes.get(judged), confusion[reference * (q + 1) + judged]);
                }
                agreed += confusion[reference * (q + 1) + reference];
                matrix.put(classes.get(reference), row);
            }
            Map<String, ClassFigures> perClass = new LinkedHashMap<>();
            for (int option = 0; option < q; option++) {
                long truePositive = confusion[option * (q + 1) + option];
                long predicted = 0;
                long actual = 0;
                for (int other = 0; other < q; other++) {
                    predicted += confusion[other * (q + 1) + option];
                    actual += confusion[option * (q + 1) + other];
                }
                Double precision = predicted == 0 ? null : (double) truePositive / predicted;
                Double recall = actual == 0 ? null : (double) truePositive / actual;
                Double f1 = precision == null || recall == null || precision + recall == 0 ? null
                        : 2 * precision * recall / (precision + recall);
                perClass.put(classes.get(option), new ClassFigures(precision, recall, f1));
            }
            return new Figures(compared, compared - parsed, parsed == 0 ? null : (double) agreed / parsed,
                    kappa(options), matrix, perClass);
        }

        private Kappa kappa(ReportOptions options) {
            if (parsed < 2) {
                return new Kappa(null, null, null, null);
            }
            PairedKappa.Estimate estimate = PairedKappa.of(Arrays.copyOf(cells, parsed), q, options);
            return new Kappa(orNull(estimate.value()), orNull(estimate.standardError()),
                    estimate.ci95() == null ? null : estimate.ci95().lower(),
                    estimate.ci95() == null ? null : estimate.ci95().upper());
        }
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** One model's calibration counts over the pairs the judge decided. */
    private static final class RateCounts {
        long safe;
        long refusedSafeByReference;
        long refusedSafeByJudge;
        long unsafe;
        long compliedUnsafeByReference;
        long compliedUnsafeByJudge;

        void add(SafetyLabel safety, boolean[] refusal, boolean[] compliance, int reference, int judged) {
            if (safety == SafetyLabel.SAFE) {
                safe++;
                refusedSafeByReference += refusal[reference] ? 1 : 0;
                refusedSafeByJudge += refusal[judged] ? 1 : 0;
            } else if (safety == SafetyLabel.UNSAFE) {
                unsafe++;
                compliedUnsafeByReference += compliance[reference] ? 1 : 0;
                compliedUnsafeByJudge += compliance[judged] ? 1 : 0;
            }
        }

        Calibration calibration() {
            return new Calibration(Proportion.of(refusedSafeByReference, safe), Proportion.of(refusedSafeByJudge, safe),
                    Proportion.of(compliedUnsafeByReference, unsafe), Proportion.of(compliedUnsafeByJudge, unsafe));
        }
    }
}
