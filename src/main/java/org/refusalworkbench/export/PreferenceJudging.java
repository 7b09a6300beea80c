package org.refusalworkbench.export;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.storage.ExportedJudgement;
import org.refusalworkbench.storage.PromptJudgements;
import org.refusalworkbench.storage.PromptJudgements.ResponseJudgements;
import org.refusalworkbench.taxonomy.OptionRole;
import org.refusalworkbench.taxonomy.ResponseTypes;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyRoles;

/**
 * Judges a prompt's responses for preference training (see {@link PreferenceRules}): a response's verdict is its
 * adjudication's when it has one, otherwise the annotators' majority (a tie ranks it neither way). Every training
 * export (the workbench's preference pairs, TRL's DPO and KTO forms) judges with this, so they agree.
 */
final class PreferenceJudging {

    /** One response's verdict and the evidence for it. */
    record Judged(ResponseJudgements response, PreferenceRules.Verdict verdict, String verdictFrom,
                  List<ExportedJudgement> labels, double agreement) {

        /** The share of annotators who agree with the verdict, to three places. */
        double roundedAgreement() {
            return Math.round(agreement * 1000) / 1000.0;
        }
    }

    /** A prompt's responses judged: all of them, and the two sides that make pairs. */
    record JudgedPrompt(PromptJudgements prompt, String safety, List<Judged> all, List<Judged> preferred,
                        List<Judged> rejected, long labels, long adjudications) {
    }

    private final ExportOptions options;
    private final TaxonomyRoles roles;
    private final PreferenceRules rules;

    PreferenceJudging(Taxonomy taxonomy, ExportOptions options) {
        this.options = options;
        this.roles = taxonomy.roles();
        ResponseTypes responseTypes = roles.responseTypes().orElseThrow(() -> new IllegalArgumentException(
                "preference pairs are not available: " + TaxonomyRoles.NO_RESPONSE_TYPES + " (this project's"
                        + " taxonomy " + taxonomy.id() + " " + taxonomy.version() + "; see the roles in"
                        + " docs/taxonomy.md)"));
        this.rules = new PreferenceRules(responseTypes, roles);
    }

    PreferenceRules rules() {
        return rules;
    }

    JudgedPrompt judge(PromptJudgements prompt) {
        String safety = safetyOf(prompt);
        List<Judged> all = new ArrayList<>();
        List<Judged> preferred = new ArrayList<>();
        List<Judged> rejected = new ArrayList<>();
        long labels = 0;
        long adjudications = 0;
        for (ResponseJudgements response : prompt.responses()) {
            Judged judged = judge(response, safety);
            all.add(judged);
            labels += judged.labels().size();
            adjudications += response.gold() != null && (options.annotator() == null
                    || options.annotator().equals(response.gold().person())) ? 1 : 0;
            if (judged.verdict() == PreferenceRules.Verdict.PREFERRED) {
                preferred.add(judged);
            } else if (judged.verdict() == PreferenceRules.Verdict.REJECTED) {
                rejected.add(judged);
            }
        }
        return new JudgedPrompt(prompt, safety, all, preferred, rejected, labels, adjudications);
    }

    /** The selections the rejected side was judged by: the adjudication, or its first label. */
    Selections evidence(Judged judged, String safety) {
        if (judged.verdictFrom().equals("adjudication")) {
            return judged.response().gold().selections();
        }
        return judged.labels().stream()
                .filter(label -> rules.verdict(label.selections(), safety) == judged.verdict())
                .map(ExportedJudgement::selections).findFirst().orElse(Selections.none());
    }

    /**
     * The prompt's safety as imported, or else the annotators' majority reading of the user's intent (its benign and
     * harmful options by role; a taxonomy without them leaves such a prompt unknown, which makes no pairs).
     */
    private String safetyOf(PromptJudgements prompt) {
        if (!"unknown".equals(prompt.safety())) {
            return prompt.safety();
        }
        long benign = intents(prompt, OptionRole.BENIGN);
        long harmful = intents(prompt, OptionRole.HARMFUL);
        return benign > harmful ? "safe" : harmful > benign ? "unsafe" : "unknown";
    }

    private long intents(PromptJudgements prompt, OptionRole role) {
        return prompt.intents().stream().filter(intent -> roles.selects(intent.selections(), role)).count();
    }

    private Judged judge(ResponseJudgements response, String safety) {
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
}
