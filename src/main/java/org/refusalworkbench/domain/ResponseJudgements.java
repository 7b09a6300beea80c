package org.refusalworkbench.domain;

import java.util.Map;

/**
 * Everything judged about one response: each annotator's selections and the gold selections, if adjudicated.
 * The input of agreement and calibration reports.
 */
public record ResponseJudgements(long responseId, long promptId, String model, int sample, SafetyLabel safety,
                                 Map<String, Selections> byAnnotator, Selections gold) {

    public ResponseJudgements {
        byAnnotator = Map.copyOf(byAnnotator);
    }

    public boolean isAdjudicated() {
        return gold != null;
    }
}
