package org.refusalworkbench.ui.review;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.refusalworkbench.domain.ResponseJudgements;

/**
 * The review queue's filters: disputed group, an option someone chose, annotator, model, not yet adjudicated, not
 * yet reviewed by the reviewer on screen, and a judge that disagrees with the final label.
 */
final class ReviewQueueFilters {

    /** The judge filter's value for "any judge". */
    static final String ANY_JUDGE = "";

    private final StringProperty group = new SimpleStringProperty();
    private final ObjectProperty<OptionChoice> option = new SimpleObjectProperty<>();
    private final StringProperty annotator = new SimpleStringProperty();
    private final StringProperty model = new SimpleStringProperty();
    private final BooleanProperty notAdjudicatedOnly = new SimpleBooleanProperty(false);
    private final StringProperty judge = new SimpleStringProperty();
    private final BooleanProperty notReviewedByMeOnly = new SimpleBooleanProperty(false);

    /** Runs {@code changed} whenever any filter changes. */
    void onChange(Runnable changed) {
        for (Observable filter : new Observable[] {group, option, annotator, model, notAdjudicatedOnly, judge,
                notReviewedByMeOnly}) {
            filter.addListener(observable -> changed.run());
        }
    }

    /** @param reviewedByMe the responses whose gold the reviewer on screen has saved or confirmed */
    boolean passes(ReviewQueueItem item, java.util.Set<Long> reviewedByMe) {
        ResponseJudgements response = item.response();
        if (notReviewedByMeOnly.get() && reviewedByMe.contains(response.responseId())) {
            return false;
        }
        if (notAdjudicatedOnly.get() && response.isAdjudicated()) {
            return false;
        }
        if (model.get() != null && !model.get().equals(response.model())) {
            return false;
        }
        if (annotator.get() != null && !response.byAnnotator().containsKey(annotator.get())) {
            return false;
        }
        if (group.get() != null && !item.disagreement().disputedGroups().contains(group.get())) {
            return false;
        }
        if (judge.get() != null && item.judgeDisagreement(judgeLabel()).isEmpty()) {
            return false;
        }
        OptionChoice chosen = option.get();
        return chosen == null || response.byAnnotator().values().stream()
                .anyMatch(selections -> selections.has(chosen.group(), chosen.option()));
    }

    StringProperty group() {
        return group;
    }

    ObjectProperty<OptionChoice> option() {
        return option;
    }

    StringProperty annotator() {
        return annotator;
    }

    StringProperty model() {
        return model;
    }

    BooleanProperty notReviewedByMeOnly() {
        return notReviewedByMeOnly;
    }

    BooleanProperty notAdjudicatedOnly() {
        return notAdjudicatedOnly;
    }

    /** Null: no judge filter; {@link #ANY_JUDGE}: any judge disagrees; otherwise that judge's label. */
    StringProperty judge() {
        return judge;
    }

    boolean judgeFilterOn() {
        return judge.get() != null;
    }

    /** The judge the filter names, or null for any judge (or no filter). */
    String judgeLabel() {
        return judge.get() == null || judge.get().equals(ANY_JUDGE) ? null : judge.get();
    }
}
