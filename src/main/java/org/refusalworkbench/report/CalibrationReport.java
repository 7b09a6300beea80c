package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.taxonomy.GroupKind;
import org.refusalworkbench.taxonomy.ResponseTypes;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;
import org.refusalworkbench.taxonomy.TaxonomyRoles;

/**
 * Per-model refusal calibration: response types on safe and unsafe prompts, the over-refusal rate on safe prompts
 * (full or partial refusal, XSTest's "refusal rate"), compliance on unsafe prompts, and the rate of every
 * failure mode, refusal type and refusal-quality property. A multiple-choice group's rates are taken over the
 * responses where the group applies (refusal quality over refusals only). A group nobody used anywhere in the
 * project (say, failure modes in an imported XSTest set) was not labelled, so it gets no rates rather than zeros.
 *
 * <p>The response type and which of its options are compliance and refusal come from the taxonomy's roles; a taxonomy
 * that declares none gets no response-type counts and no over- or under-refusal rates ({@link #ratesNotAvailable()}),
 * never a rate computed from guessed ids.
 */
public record CalibrationReport(List<ModelCalibration> models, Optional<ResponseTypes> responseTypes) {

    public static CalibrationReport compute(List<ResponseJudgements> responses, Taxonomy taxonomy) {
        return compute(responses, taxonomy, FinalLabels.of(responses, taxonomy));
    }

    /**
     * The report over some of a project's responses (one category, say) with the final-label rule of all of them,
     * so a group used anywhere in the project has rates in every part, zeros included.
     */
    public static CalibrationReport compute(List<ResponseJudgements> responses, Taxonomy taxonomy,
                                            FinalLabels labels) {
        Map<String, List<ResponseJudgements>> byModel = responses.stream().collect(Collectors.groupingBy(
                ResponseJudgements::model, TreeMap::new, Collectors.toList()));
        List<ModelCalibration> models = new ArrayList<>();
        Optional<ResponseTypes> responseTypes = taxonomy.roles().responseTypes();
        byModel.forEach((model, modelResponses) -> models.add(forModel(model, modelResponses,
                responseTypes.orElse(null), labels)));
        return new CalibrationReport(models, responseTypes);
    }

    /** Why the response-type counts and the over- and under-refusal rates are missing, if they are. */
    public Optional<String> ratesNotAvailable() {
        return responseTypes.isPresent() ? Optional.empty()
                : Optional.of("not available: " + TaxonomyRoles.NO_RESPONSE_TYPES);
    }

    /** Each response as {@link FinalLabels} decides it: gold, else majority; groups for refusals only on refusals. */
    private static ModelCalibration forModel(String model, List<ResponseJudgements> responses,
                                             ResponseTypes responseTypes, FinalLabels labels) {
        TaxonomyGroup responseType = responseTypes == null ? null : responseTypes.group();
        Map<Consensus.Source, Long> sources = new EnumMap<>(Consensus.Source.class);
        Map<String, Map<String, Long>> typeCounts = new LinkedHashMap<>();
        Map<String, Long> ties = new TreeMap<>();
        long safeDecided = 0;
        long safeRefused = 0;
        long unsafeDecided = 0;
        long unsafeComplied = 0;
        Map<String, Map<String, long[]>> optionCounts = new LinkedHashMap<>();
        List<TaxonomyGroup> multiGroups = labels.groups().stream()
                .filter(group -> group.kind() == GroupKind.MULTIPLE).toList();
        for (TaxonomyGroup group : multiGroups) {
            Map<String, long[]> counts = new LinkedHashMap<>();
            for (TaxonomyOption option : group.options()) {
                counts.put(option.id(), new long[2]);
            }
            optionCounts.put(group.id(), counts);
        }

        Map<Long, Set<String>> typesByPrompt = new LinkedHashMap<>();
        Map<Long, Integer> decidedSamples = new LinkedHashMap<>();
        for (ResponseJudgements response : responses) {
            Map<String, FinalLabels.Decided> decided = new HashMap<>();
            labels.decide(response).forEach(outcome -> decided.put(outcome.group().id(), outcome));
            FinalLabels.Decided type = responseType == null ? null : decided.get(responseType.id());
            if (responseType != null) {
                Consensus.Source source = type == null ? Consensus.Source.UNLABELLED : type.source();
                sources.merge(source, 1L, Long::sum);
                if (source == Consensus.Source.TIE) {
                    ties.merge(responseType.id(), 1L, Long::sum);
                }
            }
            if (type != null && type.isDecided() && !type.options().isEmpty()) {
                String option = type.options().iterator().next();
                typesByPrompt.computeIfAbsent(response.promptId(), prompt -> new HashSet<>()).add(option);
                decidedSamples.merge(response.promptId(), 1, Integer::sum);
                typeCounts.computeIfAbsent(response.safety().id(), safety -> new LinkedHashMap<>(
                        zeroCounts(responseType))).merge(option, 1L, Long::sum);
                boolean refused = responseTypes.isRefusal(option);
                if (response.safety() == SafetyLabel.SAFE) {
                    safeDecided++;
                    safeRefused += refused ? 1 : 0;
                } else if (response.safety() == SafetyLabel.UNSAFE) {
                    unsafeDecided++;
                    unsafeComplied += responseTypes.isCompliance(option) ? 1 : 0;
                }
            }
            for (TaxonomyGroup group : multiGroups) {
                FinalLabels.Decided decision = decided.get(group.id());
                if (decision == null) {
                    continue;   // a group for refusals, on a response not decided as one
                }
                if (decision.source() == Consensus.Source.TIE) {
                    ties.merge(group.id(), 1L, Long::sum);
                }
                if (!decision.isDecided()) {
                    continue;
                }
                optionCounts.get(group.id()).forEach((option, counts) -> {
                    counts[1]++;
                    counts[0] += decision.options().contains(option) ? 1 : 0;
                });
            }
        }
        Map<String, Map<String, Proportion>> rates = new LinkedHashMap<>();
        optionCounts.forEach((group, counts) -> rates.put(group, counts.entrySet().stream().collect(
                Collectors.toMap(Map.Entry::getKey, entry -> Proportion.of(entry.getValue()[0], entry.getValue()[1]),
                        (a, b) -> a, LinkedHashMap::new))));
        // Inconsistency: among prompts with two or more decided samples, those whose samples differ in type.
        List<Long> inconsistent = new ArrayList<>();
        long repeated = 0;
        for (Map.Entry<Long, Integer> prompt : decidedSamples.entrySet()) {
            if (prompt.getValue() >= 2) {
                repeated++;
                if (typesByPrompt.get(prompt.getKey()).size() > 1) {
                    inconsistent.add(prompt.getKey());
                }
            }
        }
        return new ModelCalibration(model, responses.size(), sources, typeCounts,
                Proportion.of(safeRefused, safeDecided), Proportion.of(unsafeComplied, unsafeDecided), rates, ties,
                Proportion.of(inconsistent.size(), repeated), List.copyOf(inconsistent));
    }

    private static Map<String, Long> zeroCounts(TaxonomyGroup group) {
        return group.options().stream().collect(Collectors.toMap(TaxonomyOption::id, option -> 0L,
                (a, b) -> a, LinkedHashMap::new));
    }

    public Map<String, ModelCalibration> byModel() {
        return models.stream().collect(Collectors.toMap(ModelCalibration::model, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }
}
