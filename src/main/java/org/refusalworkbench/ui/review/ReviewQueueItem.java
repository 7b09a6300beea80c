package org.refusalworkbench.ui.review;

import java.util.List;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.report.Disagreement;
import org.refusalworkbench.report.JudgeDisagreements;
import org.refusalworkbench.report.ResponseInconsistency;

/**
 * One row of the review queue. {@code inconsistency} is null unless the model answered the prompt differently;
 * {@code judges} lists where a judge's response type differs from the final label, most consequential first.
 */
public record ReviewQueueItem(Disagreement disagreement, ResponseInconsistency inconsistency,
                              List<JudgeDisagreements.Disagreement> judges) {

    public ReviewQueueItem {
        judges = List.copyOf(judges);
    }

    public ReviewQueueItem(Disagreement disagreement, ResponseInconsistency inconsistency) {
        this(disagreement, inconsistency, List.of());
    }

    public ResponseJudgements response() {
        return disagreement.response();
    }

    public boolean adjudicated() {
        return response().isAdjudicated();
    }

    /** The most consequential disagreement with {@code judge} (a judge's label), or with any judge for null. */
    public java.util.Optional<JudgeDisagreements.Disagreement> judgeDisagreement(String judge) {
        return judges.stream().filter(found -> judge == null || found.judge().label().equals(judge)).findFirst();
    }
}
