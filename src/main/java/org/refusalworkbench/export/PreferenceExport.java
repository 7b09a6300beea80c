package org.refusalworkbench.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.fileio.Progress;
import org.refusalworkbench.storage.ExportSnapshot;
import org.refusalworkbench.storage.ExportedJudgement;
import org.refusalworkbench.storage.PromptJudgements;
import org.refusalworkbench.storage.PromptJudgements.ResponseJudgements;
import org.refusalworkbench.taxonomy.OptionRole;
import org.refusalworkbench.taxonomy.ResponseTypes;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyRoles;

/**
 * Chosen/rejected pairs for preference training, one JSON object a line, built prompt by prompt from the labels
 * of its responses (see {@link PreferenceRules}). A response's verdict is its adjudication's when it has one,
 * otherwise the annotators' majority (a tie ranks it neither way); each side carries its labels and the share of
 * annotators who agree with that verdict.
 */
final class PreferenceExport {

    private final ExportSnapshot snapshot;
    private final ObjectMapper json = JsonMapper.builder().build();

    PreferenceExport(ExportSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** One response's verdict and the evidence for it. */
    private record Judged(ResponseJudgements response, PreferenceRules.Verdict verdict, String verdictFrom,
                          List<ExportedJudgement> labels, double agreement) {
    }

    ExportSummary write(ExportOptions options, OutputStream out, Progress progress) throws Exception {
        Taxonomy taxonomy = snapshot.taxonomy();
        ResponseTypes responseTypes = taxonomy.roles().responseTypes().orElseThrow(() -> new IllegalArgumentException(
                "preference pairs are not available: " + TaxonomyRoles.NO_RESPONSE_TYPES + " (this project's"
                        + " taxonomy " + taxonomy.id() + " " + taxonomy.version() + "; see the roles in"
                        + " docs/taxonomy.md)"));
        PreferenceRules rules = new PreferenceRules(responseTypes, taxonomy.roles());
        Map<String, Object> taxonomyRef = new LinkedHashMap<>();
        taxonomyRef.put("id", taxonomy.id());
        taxonomyRef.put("version", taxonomy.version());
        taxonomyRef.put("content_hash", taxonomy.contentHash());
        long[] counts = new long[3];
        snapshot.forEachPrompt(prompt -> {
            String safety = safetyOf(prompt, taxonomy.roles());
            List<Judged> preferred = new ArrayList<>();
            List<Judged> rejected = new ArrayList<>();
            for (ResponseJudgements response : prompt.responses()) {
                Judged judged = judge(response, safety, options, rules);
                counts[0] += judged.labels().size();
                counts[1] += response.gold() != null && (options.annotator() == null
                        || options.annotator().equals(response.gold().person())) ? 1 : 0;
                if (judged.verdict() == PreferenceRules.Verdict.PREFERRED) {
                    preferred.add(judged);
                } else if (judged.verdict() == PreferenceRules.Verdict.REJECTED) {
                    rejected.add(judged);
                }
            }
            for (Judged chosen : preferred) {
                for (Judged worse : rejected) {
                    writePair(out, prompt, safety, chosen, worse, taxonomyRef, rules);
                    counts[2]++;
                }
            }
        });
        progress.update(1, 1);
        return new ExportSummary(ExportFormat.PREFERENCE, counts[0], 0, counts[1], counts[2]);
    }

    /**
     * The prompt's safety as imported, or else the annotators' majority reading of the user's intent (its benign and
     * harmful options by role; a taxonomy without them leaves such a prompt unknown, which makes no pairs).
     */
    private static String safetyOf(PromptJudgements prompt, TaxonomyRoles roles) {
        if (!"unknown".equals(prompt.safety())) {
            return prompt.safety();
        }
        long benign = intents(prompt, roles, OptionRole.BENIGN);
        long harmful = intents(prompt, roles, OptionRole.HARMFUL);
        return benign > harmful ? "safe" : harmful > benign ? "unsafe" : "unknown";
    }

    private static long intents(PromptJudgements prompt, TaxonomyRoles roles, OptionRole role) {
        return prompt.intents().stream().filter(intent -> roles.selects(intent.selections(), role)).count();
    }

    private static Judged judge(ResponseJudgements response, String safety, ExportOptions options,
                                PreferenceRules rules) {
        List<ExportedJudgement> labels = options.goldOnly() ? List.of() : response.labels().stream()
                .filter(label -> options.annotator() == null || options.annotator().equals(label.person()))
                .toList();
        Map<PreferenceRules.Verdict, Integer> votes = new EnumMap<>(PreferenceRules.Verdict.class);
        for (ExportedJudgement label : labels) {
            votes.merge(rules.verdict(label.selections(), safety), 1, Integer::sum);
        }
        ExportedJudgement gold = response.gold();
        boolean useGold = gold != null && (options.annotator() == null || options.annotator().equals(gold.person()));
        PreferenceRules.Verdict verdict;
        String from;
        if (useGold) {
            verdict = rules.verdict(gold.selections(), safety);
            from = "adjudication";
        } else {
            verdict = majority(votes);
            from = "annotators";
        }
        double agreement = labels.isEmpty() ? (useGold ? 1.0 : 0.0)
                : votes.getOrDefault(verdict, 0) / (double) labels.size();
        return new Judged(response, verdict, from, labels, agreement);
    }

    private static PreferenceRules.Verdict majority(Map<PreferenceRules.Verdict, Integer> votes) {
        PreferenceRules.Verdict best = PreferenceRules.Verdict.NEITHER;
        int bestVotes = 0;
        boolean tie = false;
        for (Map.Entry<PreferenceRules.Verdict, Integer> vote : votes.entrySet()) {
            if (vote.getValue() > bestVotes) {
                best = vote.getKey();
                bestVotes = vote.getValue();
                tie = false;
            } else if (vote.getValue() == bestVotes) {
                tie = true;
            }
        }
        return tie ? PreferenceRules.Verdict.NEITHER : best;
    }

    private void writePair(OutputStream out, PromptJudgements prompt, String safety, Judged chosen, Judged rejected,
                           Map<String, Object> taxonomyRef, PreferenceRules rules) throws Exception {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("prompt_id", prompt.promptUid());
        pair.put("prompt", prompt.text());
        pair.put("prompt_safety", safety);
        pair.put("reason", rules.reason(safety, evidence(rejected, safety, rules)));
        pair.put("chosen", side(chosen));
        pair.put("rejected", side(rejected));
        pair.put("taxonomy", taxonomyRef);
        out.write(json.writeValueAsBytes(pair));
        out.write('\n');
    }

    /** The selections the rejected side was judged by: the adjudication, or its first label. */
    private static Selections evidence(Judged judged, String safety, PreferenceRules rules) {
        if (judged.verdictFrom().equals("adjudication")) {
            return judged.response().gold().selections();
        }
        return judged.labels().stream()
                .filter(label -> rules.verdict(label.selections(), safety) == judged.verdict())
                .map(ExportedJudgement::selections).findFirst().orElse(Selections.none());
    }

    private Map<String, Object> side(Judged judged) throws Exception {
        ResponseJudgements response = judged.response();
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("response_id", response.responseUid());
        side.put("model", response.model());
        side.put("sample", response.sample());
        side.put("response", response.text());
        side.put("messages", response.transcriptJson() == null ? null
                : json.readTree(response.transcriptJson()));
        side.put("verdict_from", judged.verdictFrom());
        side.put("agreement", Math.round(judged.agreement() * 1000) / 1000.0);
        List<Map<String, Object>> labels = new ArrayList<>();
        for (ExportedJudgement label : judged.labels()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("annotator", label.person());
            entry.put("selections", label.selections().asMap());
            labels.add(entry);
        }
        side.put("labels", labels);
        ExportedJudgement gold = response.gold();
        if (gold != null && judged.verdictFrom().equals("adjudication")) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("reviewer", gold.person());
            entry.put("gold", gold.selections().asMap());
            entry.put("reason", gold.text());
            side.put("adjudication", entry);
        } else {
            side.put("adjudication", null);
        }
        return side;
    }
}
