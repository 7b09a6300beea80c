package org.refusalworkbench.ui.review;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.report.Consensus;
import org.refusalworkbench.report.FinalLabels;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;

/**
 * The gold label the reviewer is editing for the response on screen, its reason, the annotators' majority it can be
 * taken from, and the unsaved drafts of other responses, kept while the project is open so moving around the queue
 * loses nothing. Saving is the view model's: it moves through the queue afterwards.
 */
final class GoldDraft {

    private record Draft(Selections gold, String reason) {
    }

    private final List<TaxonomyGroup> groups;
    private final ReadOnlyObjectWrapper<Selections> gold = new ReadOnlyObjectWrapper<>(Selections.none());
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Selections> majority = new ReadOnlyObjectWrapper<>(Selections.none());
    private final ReadOnlyObjectWrapper<Set<String>> tiedGroups = new ReadOnlyObjectWrapper<>(Set.of());
    /** Unsaved gold drafts by response id. */
    private final Map<Long, Draft> drafts = new HashMap<>();
    private ResponseJudgements shown;
    /** False while a response is being put on screen, so filling in its values is not taken for an edit. */
    private boolean showing;
    /** The reason shown is the saved decision's, which a changed decision must not inherit. */
    private boolean reasonIsTheSavedOne;

    GoldDraft(List<TaxonomyGroup> groups) {
        this.groups = groups;
        gold.addListener(observable -> remember());
        reason.addListener(observable -> remember());
    }

    /** Nothing on screen. */
    void clear() {
        showing = false;
        shown = null;
        gold.set(Selections.none());
        reason.set("");
        dirty.set(false);
    }

    /** Puts {@code response} on screen: its draft if one is kept, else its saved gold label. */
    void show(ResponseJudgements response) {
        showing = false;
        shown = response;
        computeMajority(response);
        Draft draft = drafts.get(response.responseId());
        gold.set(draft != null ? draft.gold() : response.gold() != null ? response.gold() : Selections.none());
        reason.set(draft != null ? draft.reason() : "");
        reasonIsTheSavedOne = false;
        dirty.set(draft != null);
        showing = true;
    }

    /** The saved reason has been read: it is shown unless a draft of this response is. */
    void savedReasonRead(long responseId, String savedReason) {
        if (!drafts.containsKey(responseId) && shown != null && shown.responseId() == responseId) {
            boolean wasShowing = showing;
            showing = false;
            reason.set(savedReason == null ? "" : savedReason);
            reasonIsTheSavedOne = savedReason != null && !savedReason.isEmpty();
            dirty.set(false);
            showing = wasShowing;
        }
    }

    /** Toggles the option with this hotkey; false if no response-level option has it. */
    boolean pressHotkey(char key) {
        char wanted = Character.toUpperCase(key);
        for (TaxonomyGroup group : groups) {
            for (TaxonomyOption option : group.options()) {
                if (Character.toUpperCase(option.hotkey()) == wanted) {
                    toggle(group, option.id());
                    return true;
                }
            }
        }
        return false;
    }

    /** Ticks or clears one gold option; a single-choice group holds at most one. */
    void toggle(TaxonomyGroup group, String optionId) {
        Selections draft = gold.get();
        dirty.set(true);
        startsANewDecision();
        gold.set(draft.has(group.id(), optionId) ? draft.without(group.id(), optionId)
                : draft.with(group.id(), optionId, group.isSingleChoice()));
    }

    /** Copies the majority into the draft; a tied group is left for the reviewer. */
    void takeMajority(boolean asEdit) {
        if (asEdit) {
            dirty.set(true);
        }
        if (!majority.get().equals(gold.get())) {
            startsANewDecision();
        }
        gold.set(majority.get());
    }

    /**
     * The gold label is being changed: the saved decision's reason (an imported "XSTest final label", another
     * reviewer's words) is not this decision's, so the reason starts empty.
     */
    private void startsANewDecision() {
        if (reasonIsTheSavedOne) {
            reasonIsTheSavedOne = false;
            reason.set("");
        }
    }

    /** The reviewer typed in the reason. */
    void reasonEdited() {
        reasonIsTheSavedOne = false;
        if (shown != null) {
            dirty.set(true);
            remember();
        }
    }

    /** The draft is on its way to the store: no longer an unsaved draft. */
    void submitted(long responseId) {
        dirty.set(false);
        drafts.remove(responseId);
    }

    /** The save failed: what was submitted is kept as this response's draft unless a newer one is. */
    void keepUnsaved(long responseId, Selections saved, String why) {
        drafts.putIfAbsent(responseId, new Draft(saved, why));
    }

    /** The save succeeded. */
    void saved(long responseId) {
        drafts.remove(responseId);
    }

    private void remember() {
        if (shown != null && showing && dirty.get()) {
            drafts.put(shown.responseId(), new Draft(gold.get(), reason.get()));
        }
    }

    /** Review's majority: a tie under a tied condition is kept as a tie, for the reviewer to decide. */
    private void computeMajority(ResponseJudgements response) {
        Map<String, Set<String>> chosen = new LinkedHashMap<>();
        Set<String> ties = new TreeSet<>();
        for (FinalLabels.Decided decided : FinalLabels.over(groups).decide(response.withoutGold(),
                FinalLabels.ConditionTies.KEEP)) {
            if (decided.source() == Consensus.Source.TIE) {
                ties.add(decided.group().id());
            } else if (decided.isDecided()) {
                chosen.put(decided.group().id(), decided.options());
            }
        }
        majority.set(Selections.of(chosen));
        tiedGroups.set(Set.copyOf(ties));
    }

    Selections gold() {
        return gold.get();
    }

    String reason() {
        return reason.get() == null ? "" : reason.get();
    }

    ReadOnlyObjectProperty<Selections> goldProperty() {
        return gold.getReadOnlyProperty();
    }

    StringProperty reasonProperty() {
        return reason;
    }

    ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Selections> majorityProperty() {
        return majority.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Set<String>> tiedGroupsProperty() {
        return tiedGroups.getReadOnlyProperty();
    }
}
