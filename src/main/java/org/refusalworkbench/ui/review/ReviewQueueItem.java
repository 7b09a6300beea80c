package org.refusalworkbench.ui.review;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.report.Disagreement;
import org.refusalworkbench.report.ResponseInconsistency;

/** One row of the review queue. {@code inconsistency} is null unless the model answered the prompt differently. */
public record ReviewQueueItem(Disagreement disagreement, ResponseInconsistency inconsistency) {

    public ResponseJudgements response() {
        return disagreement.response();
    }

    public boolean adjudicated() {
        return response().isAdjudicated();
    }
}
