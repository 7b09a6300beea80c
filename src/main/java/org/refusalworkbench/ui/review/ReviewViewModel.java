package org.refusalworkbench.ui.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.report.Consensus;
import org.refusalworkbench.report.Disagreement;
import org.refusalworkbench.report.FinalLabels;
import org.refusalworkbench.report.ResponseInconsistency;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;
import org.refusalworkbench.ui.common.BackgroundTask;
import org.refusalworkbench.ui.common.UiExecutor;

/**
 * Review and adjudication: a queue of labelled responses, most disputed first, with filters; for the response on
 * screen, every annotator's selections and a gold draft the reviewer edits with the option hotkeys and saves with a
 * reason. A draft left unsaved is kept while the project is open, so moving around the queue loses nothing.
 */
public final class ReviewViewModel {

    /** One row of the queue. {@code inconsistency} is null unless the model answered the prompt differently. */
    public record QueueItem(Disagreement disagreement, ResponseInconsistency inconsistency) {
        public ResponseJudgements response() {
            return disagreement.response();
        }

        public boolean adjudicated() {
            return response().isAdjudicated();
        }
    }

    /** An option written as {@code group.option}, for the option filter. */
    public record OptionChoice(String group, String option, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final ReviewService service;
    private final UiExecutor executor;
    private final Taxonomy taxonomy;
    private final List<TaxonomyGroup> groups;

    private List<QueueItem> all = List.of();
    private final ObservableList<QueueItem> queue = FXCollections.observableArrayList();
    private final ObservableList<String> annotators = FXCollections.observableArrayList();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final StringProperty groupFilter = new SimpleStringProperty();
    private final ObjectProperty<OptionChoice> optionFilter = new SimpleObjectProperty<>();
    private final StringProperty annotatorFilter = new SimpleStringProperty();
    private final StringProperty modelFilter = new SimpleStringProperty();
    private final BooleanProperty notAdjudicatedOnly = new SimpleBooleanProperty(false);

    private final ReadOnlyIntegerWrapper currentIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<QueueItem> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReviewService.ResponseDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Selections> majority = new ReadOnlyObjectWrapper<>(Selections.none());
    private final ReadOnlyObjectWrapper<Set<String>> tiedGroups = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyObjectWrapper<Selections> gold = new ReadOnlyObjectWrapper<>(Selections.none());
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper savedRevision = new ReadOnlyLongWrapper(0);
    private final ReadOnlyLongWrapper adjudicatedCount = new ReadOnlyLongWrapper(0);

    /** Unsaved gold drafts by response id. */
    private final Map<Long, Draft> drafts = new HashMap<>();
    private final List<CompletableFuture<Void>> saving = new ArrayList<>();
    private long loadGeneration;
    private boolean showing;

    private record Draft(Selections gold, String reason) {
    }

    public ReviewViewModel(ReviewService service, UiExecutor executor) {
        this.service = service;
        this.executor = executor;
        this.taxonomy = service.taxonomy();
        this.groups = taxonomy.groups(GroupLevel.RESPONSE);
        groupFilter.addListener(observable -> applyFilters());
        optionFilter.addListener(observable -> applyFilters());
        annotatorFilter.addListener(observable -> applyFilters());
        modelFilter.addListener(observable -> applyFilters());
        notAdjudicatedOnly.addListener(observable -> applyFilters());
        gold.addListener(observable -> rememberDraft());
        reason.addListener(observable -> rememberDraft());
    }

    /** Reads every judgement, ranks the responses and opens the most disputed one. */
    public void start() {
        loading.set(true);
        BackgroundTask.read(() -> rank(service.judgements()))
                .onSuccess(ranked -> {
                    all = ranked;
                    annotators.setAll(ranked.stream().flatMap(item -> item.response().byAnnotator().keySet().stream())
                            .distinct().sorted().toList());
                    models.setAll(ranked.stream().map(item -> item.response().model()).distinct().sorted().toList());
                    adjudicatedCount.set(ranked.stream().filter(QueueItem::adjudicated).count());
                    loading.set(false);
                    applyFilters();
                })
                .onFailure(this::reportFailure)
                .runOn(executor);
    }

    private List<QueueItem> rank(List<ResponseJudgements> judgements) {
        Map<Long, ResponseInconsistency> flagged = ResponseInconsistency.byResponse(
                ResponseInconsistency.find(judgements, taxonomy));
        return Disagreement.rank(judgements, taxonomy).stream()
                .map(item -> new QueueItem(item, flagged.get(item.response().responseId()))).toList();
    }

    // ---- queue ------------------------------------------------------------------------------------------------

    private void applyFilters() {
        QueueItem before = current.get();
        List<QueueItem> shown = all.stream().filter(this::passes).toList();
        queue.setAll(shown);
        int index = before == null ? -1 : indexOf(before.response().responseId());
        if (index >= 0) {
            currentIndex.set(index);
        } else {
            select(shown.isEmpty() ? -1 : 0);
        }
        status.set(shown.size() + " of " + all.size() + " labelled responses shown");
    }

    private boolean passes(QueueItem item) {
        ResponseJudgements response = item.response();
        if (notAdjudicatedOnly.get() && response.isAdjudicated()) {
            return false;
        }
        if (modelFilter.get() != null && !modelFilter.get().equals(response.model())) {
            return false;
        }
        if (annotatorFilter.get() != null && !response.byAnnotator().containsKey(annotatorFilter.get())) {
            return false;
        }
        if (groupFilter.get() != null && !item.disagreement().disputedGroups().contains(groupFilter.get())) {
            return false;
        }
        OptionChoice option = optionFilter.get();
        return option == null || response.byAnnotator().values().stream()
                .anyMatch(selections -> selections.has(option.group(), option.option()));
    }

    private int indexOf(long responseId) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).response().responseId() == responseId) {
                return i;
            }
        }
        return -1;
    }

    /** Opens the queue row at {@code index}; out of range does nothing. */
    public void select(int index) {
        if (index < -1 || index >= queue.size()) {
            return;
        }
        currentIndex.set(index);
        QueueItem item = index < 0 ? null : queue.get(index);
        showing = false;
        current.set(item);
        if (item == null) {
            detail.set(null);
            gold.set(Selections.none());
            reason.set("");
            dirty.set(false);
            return;
        }
        computeMajority(item.response());
        Draft draft = drafts.get(item.response().responseId());
        gold.set(draft != null ? draft.gold() : item.response().gold() != null ? item.response().gold()
                : Selections.none());
        reason.set(draft != null ? draft.reason() : "");
        dirty.set(draft != null);
        long generation = ++loadGeneration;
        loading.set(true);
        BackgroundTask.read(() -> service.detail(item.response()))
                .onSuccess(loaded -> {
                    if (generation != loadGeneration) {
                        return;
                    }
                    loading.set(false);
                    detail.set(loaded);
                    if (drafts.get(item.response().responseId()) == null) {
                        reason.set(loaded.goldReason() == null ? "" : loaded.goldReason());
                        dirty.set(false);
                    }
                })
                .onFailure(this::reportFailure)
                .runOn(executor);
        showing = true;
    }

    public void next() {
        if (currentIndex.get() + 1 < queue.size()) {
            select(currentIndex.get() + 1);
        } else {
            status.set("This is the last response in the queue.");
        }
    }

    public void previous() {
        if (currentIndex.get() > 0) {
            select(currentIndex.get() - 1);
        }
    }

    // ---- gold draft ---------------------------------------------------------------------------------------------

    /** Toggles the response-level option with this hotkey in the gold draft; false if no option has it. */
    public boolean pressHotkey(char key) {
        if (current.get() == null) {
            return false;
        }
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
    public void toggle(String groupId, String optionId) {
        taxonomy.group(groupId).ifPresent(group -> toggle(group, optionId));
    }

    private void toggle(TaxonomyGroup group, String optionId) {
        Selections draft = gold.get();
        dirty.set(true);
        gold.set(draft.has(group.id(), optionId) ? draft.without(group.id(), optionId)
                : draft.with(group.id(), optionId, group.isSingleChoice()));
    }

    /**
     * Takes the annotators' majority as the gold label and saves it (with a reason saying so, unless one was
     * written). A group without a majority (a tie) is left for the reviewer: nothing is saved then.
     */
    public void acceptMajority() {
        QueueItem item = current.get();
        if (item == null) {
            return;
        }
        if (!tiedGroups.get().isEmpty()) {
            dirty.set(true);
            gold.set(majority.get());
            status.set("No majority on " + String.join(", ", labels(tiedGroups.get()))
                    + ": choose the gold options there, then save with Ctrl+Enter.");
            return;
        }
        gold.set(majority.get());
        if (reason.get() == null || reason.get().isBlank()) {
            reason.set("Majority of " + item.response().byAnnotator().size() + " annotators");
        }
        save();
    }

    /** Writes the gold draft and its reason as the response's adjudication, then opens the next response. */
    public void save() {
        QueueItem item = current.get();
        if (item == null) {
            return;
        }
        long responseId = item.response().responseId();
        Selections saved = gold.get();
        String why = reason.get() == null ? "" : reason.get().strip();
        CompletableFuture<Void> reported = new CompletableFuture<>();
        saving.add(reported);
        status.set("Saving the gold label…");
        service.saveGold(responseId, saved, why).whenComplete((changed, failure) -> executor.onUi(() -> {
            try {
                if (failure != null) {
                    drafts.putIfAbsent(responseId, new Draft(saved, why));
                    status.set("⚠ Gold label NOT SAVED (kept as a draft): " + rootMessage(failure));
                    return;
                }
                drafts.remove(responseId);
                replace(responseId, saved);
                savedRevision.set(savedRevision.get() + 1);
                status.set(Boolean.TRUE.equals(changed) ? "✓ Gold label saved" : "✓ Gold label unchanged");
            } finally {
                reported.complete(null);
                saving.remove(reported);
            }
        }));
        dirty.set(false);
        drafts.remove(responseId);
        if (currentIndex.get() + 1 < queue.size()) {
            select(currentIndex.get() + 1);
        }
    }

    /** Completes when every save so far has been written and reported. */
    public CompletableFuture<Void> flush() {
        return CompletableFuture.allOf(saving.toArray(CompletableFuture[]::new));
    }

    private void replace(long responseId, Selections saved) {
        List<QueueItem> updated = new ArrayList<>(all.size());
        for (QueueItem item : all) {
            if (item.response().responseId() == responseId) {
                ResponseJudgements now = item.response().withGoldSavedInTheApp(saved);
                Disagreement d = item.disagreement();
                item = new QueueItem(new Disagreement(now, d.score(), d.disputedGroups(), d.splitOptions()),
                        item.inconsistency());
                int shown = indexOf(responseId);
                if (shown >= 0) {
                    queue.set(shown, item);
                }
                if (current.get() != null && current.get().response().responseId() == responseId) {
                    current.set(item);
                }
            }
            updated.add(item);
        }
        all = updated;
        adjudicatedCount.set(all.stream().filter(QueueItem::adjudicated).count());
    }

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

    private List<String> labels(Set<String> groupIds) {
        return groupIds.stream().map(id -> taxonomy.group(id).map(TaxonomyGroup::label).orElse(id)).toList();
    }

    private void rememberDraft() {
        QueueItem item = current.get();
        if (item != null && showing && dirty.get()) {
            drafts.put(item.response().responseId(), new Draft(gold.get(), reason.get()));
        }
    }

    /** Marks the reason as edited; the view calls it when the reviewer types. */
    public void reasonEdited() {
        if (current.get() != null) {
            dirty.set(true);
            rememberDraft();
        }
    }

    private void reportFailure(Throwable failure) {
        loading.set(false);
        status.set("⚠ Cannot read the project: " + rootMessage(failure));
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    // ---- properties -------------------------------------------------------------------------------------------

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public String reviewer() {
        return service.reviewer();
    }

    /** Response-level groups, the ones a gold label covers. */
    public List<TaxonomyGroup> groups() {
        return groups;
    }

    public List<OptionChoice> optionChoices() {
        List<OptionChoice> choices = new ArrayList<>();
        groups.forEach(group -> group.options().forEach(option -> choices.add(new OptionChoice(group.id(),
                option.id(), group.label() + ": " + option.label()))));
        return choices;
    }

    public ObservableList<QueueItem> queue() {
        return queue;
    }

    /** Every labelled response with its gold label as saved so far, for reports. */
    public List<ResponseJudgements> judgements() {
        return all.stream().map(QueueItem::response).toList();
    }

    public ObservableList<String> annotators() {
        return annotators;
    }

    public ObservableList<String> models() {
        return models;
    }

    public StringProperty groupFilterProperty() {
        return groupFilter;
    }

    public ObjectProperty<OptionChoice> optionFilterProperty() {
        return optionFilter;
    }

    public StringProperty annotatorFilterProperty() {
        return annotatorFilter;
    }

    public StringProperty modelFilterProperty() {
        return modelFilter;
    }

    public BooleanProperty notAdjudicatedOnlyProperty() {
        return notAdjudicatedOnly;
    }

    public ReadOnlyIntegerProperty currentIndexProperty() {
        return currentIndex.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QueueItem> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReviewService.ResponseDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Selections> majorityProperty() {
        return majority.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Set<String>> tiedGroupsProperty() {
        return tiedGroups.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Selections> goldProperty() {
        return gold.getReadOnlyProperty();
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Goes up by one after each saved gold label, so reports know to recompute. */
    public ReadOnlyLongProperty savedRevisionProperty() {
        return savedRevision.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty adjudicatedCountProperty() {
        return adjudicatedCount.getReadOnlyProperty();
    }
}
