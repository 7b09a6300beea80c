package org.refusalworkbench.report;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.taxonomy.TaxonomyGroup;

/**
 * Who takes part in judging a group on one response. A group with a condition (refusal type applies when the
 * response type is a refusal) is judged only among the raters whose own label meets it: someone who saw compliance
 * was never asked why the model refused, and their empty refusal type is no vote for "none of these". Within that,
 * an empty checkbox group is "none of these" only from someone who was asked it
 * ({@link org.refusalworkbench.domain.RaterCoverage}); a single-choice group left open is the caller's to skip.
 */
final class CheckboxAnswers {

    private CheckboxAnswers() {
    }

    static boolean takesPart(ResponseJudgements response, String annotator, TaxonomyGroup group) {
        Selections selections = response.byAnnotator().get(annotator);
        return selections != null && group.appliesTo(selections)
                && (group.isSingleChoice() || response.answered(annotator, group.id()));
    }

    static boolean goldTakesPart(ResponseJudgements response, TaxonomyGroup group) {
        return response.gold() != null && group.appliesTo(response.gold())
                && (group.isSingleChoice() || response.goldAnswered(group.id()));
    }
}
