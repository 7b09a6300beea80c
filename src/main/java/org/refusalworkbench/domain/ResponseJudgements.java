package org.refusalworkbench.domain;

import java.util.Map;

/**
 * Everything judged about one response: each annotator's selections and the gold selections, if adjudicated.
 * The input of agreement and calibration reports.
 *
 * @param goldBy   the reviewer of the gold label, whose coverage says which groups it answers; null without a gold
 *                 label, or for one that answers every group (saved in the app just now, or built by hand)
 * @param coverage which checkbox groups each annotator and reviewer answered
 */
public record ResponseJudgements(long responseId, long promptId, String model, int sample, SafetyLabel safety,
                                 Map<String, Selections> byAnnotator, Selections gold, String goldBy,
                                 RaterCoverage coverage) {

    public ResponseJudgements {
        byAnnotator = Map.copyOf(byAnnotator);
    }

    /** Judgements made where everyone answered every group (built by hand rather than read from a project). */
    public ResponseJudgements(long responseId, long promptId, String model, int sample, SafetyLabel safety,
                              Map<String, Selections> byAnnotator, Selections gold) {
        this(responseId, promptId, model, sample, safety, byAnnotator, gold, null, RaterCoverage.EVERY_GROUP);
    }

    public boolean isAdjudicated() {
        return gold != null;
    }

    /** The same response with only these annotators' labels. */
    public ResponseJudgements withLabels(Map<String, Selections> labels) {
        return new ResponseJudgements(responseId, promptId, model, sample, safety, labels, gold, goldBy, coverage);
    }

    /** The same response with a gold label just saved in the app, which answers every group. */
    public ResponseJudgements withGoldSavedInTheApp(Selections savedGold) {
        return new ResponseJudgements(responseId, promptId, model, sample, safety, byAnnotator, savedGold, null,
                coverage);
    }

    /** The same response as its annotators left it, before any gold label. */
    public ResponseJudgements withoutGold() {
        return new ResponseJudgements(responseId, promptId, model, sample, safety, byAnnotator, null, null, coverage);
    }

    /**
     * Whether {@code annotator}'s label answers {@code groupId}: always for a group with a choice in it; for an empty
     * checkbox group, when the annotator was asked it (see {@link RaterCoverage}).
     */
    public boolean answered(String annotator, String groupId) {
        Selections selections = byAnnotator.get(annotator);
        return selections != null && (!selections.options(groupId).isEmpty()
                || coverage.answered(annotator, groupId));
    }

    /** Whether the gold label answers {@code groupId}, in the sense of {@link #answered}. */
    public boolean goldAnswered(String groupId) {
        return gold != null && (!gold.options(groupId).isEmpty() || goldBy == null
                || coverage.answered(goldBy, groupId));
    }
}
