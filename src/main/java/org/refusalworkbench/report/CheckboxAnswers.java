package org.refusalworkbench.report;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.taxonomy.TaxonomyGroup;

/**
 * Who takes part in measuring a group: an empty checkbox group is "none of these" only from someone who was asked
 * it ({@link org.refusalworkbench.domain.RaterCoverage}). Single-choice groups are unaffected: every label takes
 * part, and one left open is the caller's to skip.
 */
final class CheckboxAnswers {

    private CheckboxAnswers() {
    }

    static boolean takesPart(ResponseJudgements response, String annotator, TaxonomyGroup group) {
        return group.isSingleChoice() || response.answered(annotator, group.id());
    }

    static boolean goldTakesPart(ResponseJudgements response, TaxonomyGroup group) {
        return response.gold() != null && (group.isSingleChoice() || response.goldAnswered(group.id()));
    }
}
