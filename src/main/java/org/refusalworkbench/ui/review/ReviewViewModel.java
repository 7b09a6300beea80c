package org.refusalworkbench.ui.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.project.GoldSave;
import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.report.Disagreement;
import org.refusalworkbench.report.FinalLabels;
import org.refusalworkbench.report.JudgeDisagreements;
import org.refusalworkbench.report.ResponseInconsistency;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.ui.common.BackgroundTask;
import org.refusalworkbench.ui.common.UiExecutor;
import org.refusalworkbench.ui.common.UndoStack;
import org.refusalworkbench.ui.common.UndoableCommand;

/**
 * Review and adjudication: a queue of labelled responses, most disputed first, with filters; for the response on
 * screen, every annotator's selections and a gold draft the reviewer edits with the option hotkeys and saves with a
 * reason. A draft left unsaved is kept while the project is open, so moving around the queue loses nothing.
 *
 * <p>The queue and the response on screen live here; the gold draft, its majority and the drafts kept for other
 * responses in {@link GoldDraft}, the filters in {@link ReviewQueueFilters}, the majority rule in
 * {@code report/FinalLabels}. A quarter of its 400 lines are the properties the view binds to; the rest stays
 * together because a save moves on through the queue.
 */
public final class ReviewViewModel {

    private final ReviewService service;
    private final UiExecutor executor;
    private final Taxonomy taxonomy;
    private final List<TaxonomyGroup> groups;

    private List<ReviewQueueItem> all = List.of();
    private final ObservableList<ReviewQueueItem> queue = FXCollections.observableArrayList();
    private final ObservableList<String> annotators = FXCollections.observableArrayList();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<String> judges = FXCollections.observableArrayList();
    private final ReviewQueueFilters filters = new ReviewQueueFilters();

    private final ReadOnlyIntegerWrapper currentIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<ReviewQueueItem> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReviewService.ResponseDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper savedRevision = new ReadOnlyLongWrapper(0);
    private final ReadOnlyLongWrapper adjudicatedCount = new ReadOnlyLongWrapper(0);

    private final List<CompletableFuture<Void>> saving = new ArrayList<>();
    private long loadGeneration;
    /** How much of a prompt the queue's rows show. */
    private static final int EXCERPT_LENGTH = 60;
    /** Read with the queue on the read thread, used on the UI thread after it is handed over. */
    private volatile Map<Long, String> promptExcerpts = Map.of();
    /** Read with the queue on the read thread, used on the UI thread after it is handed over. */
    private volatile Map<org.refusalworkbench.domain.Judge, Map<Long, org.refusalworkbench.domain.JudgeVerdict>>
            judgeVerdicts = Map.of();
    private final GoldDraft draft;
    /** The gold labels saved since the project was opened, for undo and redo. */
    private final UndoStack goldEdits = new UndoStack();
    /** Read with the queue on the read thread, then changed on the UI thread by saves and undos. */
    private volatile Set<Long> reviewedByMe = Set.of();

    public ReviewViewModel(ReviewService service, UiExecutor executor) {
        this.service = service;
        this.executor = executor;
        this.taxonomy = service.taxonomy();
        this.groups = taxonomy.groups(GroupLevel.RESPONSE);
        filters.onChange(this::applyFilters);
        this.draft = new GoldDraft(groups);
    }

    /** Reads every judgement, ranks the responses and opens the most disputed one. */
    public void start() {
        loading.set(true);
        BackgroundTask.read(() -> rank(service.judgements()))
                .onSuccess(ranked -> {
                    all = ranked;
                    judges.setAll(ranked.stream().flatMap(item -> item.judges().stream())
                            .map(found -> found.judge().label()).distinct().sorted().toList());
                    annotators.setAll(ranked.stream().flatMap(item -> item.response().byAnnotator().keySet().stream())
                            .distinct().sorted().toList());
                    models.setAll(ranked.stream().map(item -> item.response().model()).distinct().sorted().toList());
                    adjudicatedCount.set(ranked.stream().filter(ReviewQueueItem::adjudicated).count());
                    loading.set(false);
                    applyFilters();
                })
                .onFailure(this::reportFailure)
                .runOn(executor);
    }

    private List<ReviewQueueItem> rank(List<ResponseJudgements> judgements) {
        Map<Long, ResponseInconsistency> flagged = ResponseInconsistency.byResponse(
                ResponseInconsistency.find(judgements, taxonomy));
        judgeVerdicts = service.reports().judgeVerdicts();
        promptExcerpts = service.promptExcerpts(EXCERPT_LENGTH);
        reviewedByMe = java.util.concurrent.ConcurrentHashMap.newKeySet();
        reviewedByMe.addAll(service.reviewedByMe());
        Map<Long, List<JudgeDisagreements.Disagreement>> judged = judgeDisagreements(judgements);
        return Disagreement.rank(judgements, taxonomy).stream()
                .map(item -> new ReviewQueueItem(item, flagged.get(item.response().responseId()),
                        judged.getOrDefault(item.response().responseId(), List.of()))).toList();
    }

    /** Where the judges differ from the final labels of these responses, against the verdicts read at start. */
    private Map<Long, List<JudgeDisagreements.Disagreement>> judgeDisagreements(List<ResponseJudgements> responses) {
        return taxonomy.roles().responseTypes().map(types -> JudgeDisagreements.find(responses, types,
                judgeVerdicts)).orElse(Map.of());
    }

    // ---- queue ------------------------------------------------------------------------------------------------

    private void applyFilters() {
        ReviewQueueItem before = current.get();
        Set<Long> reviewed = reviewedByMe;
        List<ReviewQueueItem> shown = all.stream().filter(item -> filters.passes(item, reviewed)).toList();
        if (filters.judgeFilterOn()) {
            // The judge's worst mistakes first; within one consequence the queue keeps its most-disputed order.
            String judge = filters.judgeLabel();
            shown = shown.stream().sorted(Comparator.comparing((ReviewQueueItem item) -> item
                    .judgeDisagreement(judge).orElseThrow().consequence()).reversed()).toList();
        }
        queue.setAll(shown);
        int index = before == null ? -1 : indexOf(before.response().responseId());
        if (index >= 0) {
            currentIndex.set(index);
        } else {
            select(shown.isEmpty() ? -1 : 0);
        }
        status.set(shown.size() + " of " + all.size() + " labelled responses shown");
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
        ReviewQueueItem item = index < 0 ? null : queue.get(index);
        current.set(item);
        if (item == null) {
            detail.set(null);
            draft.clear();
            return;
        }
        draft.show(item.response());
        long generation = ++loadGeneration;
        loading.set(true);
        BackgroundTask.read(() -> service.detail(item.response()))
                .onSuccess(loaded -> {
                    if (generation != loadGeneration) {
                        return;
                    }
                    loading.set(false);
                    detail.set(loaded);
                    draft.savedReasonRead(item.response().responseId(), loaded.goldReason());
                })
                .onFailure(this::reportFailure)
                .runOn(executor);
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
        return current.get() != null && draft.pressHotkey(key);
    }

    /** Ticks or clears one gold option; a single-choice group holds at most one. */
    public void toggle(String groupId, String optionId) {
        taxonomy.group(groupId).ifPresent(group -> draft.toggle(group, optionId));
    }

    /**
     * Takes the annotators' majority as the gold label and saves it (with a reason saying so, unless one was
     * written). A group without a majority (a tie) is left for the reviewer: nothing is saved then.
     */
    public void acceptMajority() {
        ReviewQueueItem item = current.get();
        if (item == null) {
            return;
        }
        Set<String> tied = draft.tiedGroupsProperty().get();
        if (!tied.isEmpty()) {
            draft.takeMajority(true);
            status.set("No majority on " + String.join(", ", labels(tied))
                    + ": choose the gold options there, then save with Ctrl+Enter.");
            return;
        }
        draft.takeMajority(false);
        if (draft.reason().isBlank()) {
            draft.reasonProperty().set("Majority of " + item.response().byAnnotator().size() + " annotators");
        }
        save();
    }

    /**
     * Writes the gold draft and its reason as the response's adjudication (saving the gold as it was confirms it),
     * then opens the next response. The save can be undone.
     */
    public void save() {
        ReviewQueueItem item = current.get();
        if (item == null) {
            return;
        }
        long responseId = item.response().responseId();
        Selections saved = draft.gold();
        String why = draft.reason().strip();
        ResponseJudgements before = item.response();
        status.set("Saving the gold label…");
        track(service.saveGold(responseId, saved, why), (save, failure) -> {
            if (failure != null) {
                draft.keepUnsaved(responseId, saved, why);
                status.set("⚠ Gold label NOT SAVED (kept as a draft): " + rootMessage(failure));
                return;
            }
            draft.saved(responseId);
            goldSaved(save);
            goldEdits.record(new GoldEdit(save, before));
            status.set(save.changed() ? "✓ Gold label saved" : "✓ Gold label confirmed as it was");
        });
        draft.submitted(responseId);
        if (currentIndex.get() + 1 < queue.size()) {
            select(currentIndex.get() + 1);
        }
    }

    /** Takes back the last gold label saved (M included) and opens that response. */
    public void undo() {
        if (!goldEdits.undo()) {
            status.set("Nothing to undo: no gold label saved since the project was opened.");
        }
    }

    public void redo() {
        if (!goldEdits.redo()) {
            status.set("Nothing to redo.");
        }
    }

    /** Runs {@code then} on the UI thread once {@code write} is done; {@link #flush} waits for it. */
    private <T> void track(CompletableFuture<T> write, java.util.function.BiConsumer<T, Throwable> then) {
        CompletableFuture<Void> reported = new CompletableFuture<>();
        saving.add(reported);
        write.whenComplete((value, failure) -> executor.onUi(() -> {
            try {
                then.accept(value, failure);
            } finally {
                reported.complete(null);
                saving.remove(reported);
            }
        }));
    }

    private void goldSaved(GoldSave save) {
        reviewedByMe.add(save.responseId());
        replace(save.responseId(), response -> response.withGoldSavedInTheApp(save.gold()));
        savedRevision.set(savedRevision.get() + 1);
    }

    /** Opens {@code responseId} if the filters show it, so an undo or redo happens where the reviewer sees it. */
    private void open(long responseId) {
        int index = indexOf(responseId);
        if (index >= 0) {
            select(index);
        }
    }

    /**
     * One saved gold label on the undo stack. Undo writes back the gold (or its absence), reason and reviewer from
     * before and the response as the queue had it; redo saves the same gold and reason again.
     */
    private final class GoldEdit implements UndoableCommand {
        private GoldSave save;
        private final ResponseJudgements before;
        /** The first execute is the save that already happened; only a redo writes. */
        private boolean written = true;

        GoldEdit(GoldSave save, ResponseJudgements before) {
            this.save = save;
            this.before = before;
        }

        @Override
        public void execute() {
            if (written) {
                return;
            }
            written = true;
            long responseId = save.responseId();
            track(service.saveGold(responseId, save.gold(), save.reason()), (again, failure) -> {
                if (failure != null) {
                    status.set("⚠ Redo NOT SAVED: " + rootMessage(failure));
                    return;
                }
                save = again;
                goldSaved(again);
                open(responseId);
                status.set("↷ Gold label of response #" + responseId + " saved again");
            });
        }

        @Override
        public void undo() {
            written = false;
            long responseId = save.responseId();
            track(service.undoGold(save), (done, failure) -> {
                if (failure != null) {
                    status.set("⚠ Undo NOT SAVED: " + rootMessage(failure));
                    return;
                }
                if (!save.reviewedBefore()) {
                    reviewedByMe.remove(responseId);
                }
                replace(responseId, response -> before);
                savedRevision.set(savedRevision.get() + 1);
                open(responseId);
                status.set("↶ Gold label of response #" + responseId + (save.goldBefore() == null
                        ? " removed: it had none before" : " put back as it was"));
            });
        }

        @Override
        public String description() {
            return "gold label of response #" + save.responseId();
        }
    }

    /** Completes when every save so far has been written and reported. */
    public CompletableFuture<Void> flush() {
        return CompletableFuture.allOf(saving.toArray(CompletableFuture[]::new));
    }

    private void replace(long responseId, java.util.function.UnaryOperator<ResponseJudgements> change) {
        List<ReviewQueueItem> updated = new ArrayList<>(all.size());
        for (ReviewQueueItem item : all) {
            if (item.response().responseId() == responseId) {
                ResponseJudgements now = change.apply(item.response());
                Disagreement d = item.disagreement();
                // A new gold label is a new final label: the judges' disagreements are recounted against it.
                item = new ReviewQueueItem(new Disagreement(now, d.score(), d.disputedGroups(), d.splitOptions()),
                        item.inconsistency(), judgeDisagreements(List.of(now)).getOrDefault(responseId, List.of()));
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
        adjudicatedCount.set(all.stream().filter(ReviewQueueItem::adjudicated).count());
    }

    private List<String> labels(Set<String> groupIds) {
        return groupIds.stream().map(id -> taxonomy.group(id).map(TaxonomyGroup::label).orElse(id)).toList();
    }

    /** Marks the reason as edited; the view calls it when the reviewer types. */
    public void reasonEdited() {
        if (current.get() != null) {
            draft.reasonEdited();
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

    /** The start of the prompt's text, for the queue's rows; empty before the queue is read. */
    public String promptExcerpt(long promptId) {
        return promptExcerpts.getOrDefault(promptId, "");
    }

    /** Whether the project has any labelled response to review, whatever the filters. */
    public boolean hasLabelledResponses() {
        return !all.isEmpty();
    }

    /** A response-type option's label for showing a judge's verdict ("unparsed" stays as it is). */
    public String optionLabel(String option) {
        return taxonomy.roles().responseTypes().flatMap(types -> types.group().option(option))
                .map(found -> found.label()).orElse(option);
    }

    public List<OptionChoice> optionChoices() {
        List<OptionChoice> choices = new ArrayList<>();
        groups.forEach(group -> group.options().forEach(option -> choices.add(new OptionChoice(group.id(),
                option.id(), group.label() + ": " + option.label()))));
        return choices;
    }

    public ObservableList<ReviewQueueItem> queue() {
        return queue;
    }

    /** Every labelled response with its gold label as saved so far, for reports. */
    public List<ResponseJudgements> judgements() {
        return all.stream().map(ReviewQueueItem::response).toList();
    }

    public ObservableList<String> annotators() {
        return annotators;
    }

    public ObservableList<String> models() {
        return models;
    }

    /** The judges that disagree with a final label somewhere, by label. */
    public ObservableList<String> judges() {
        return judges;
    }

    /**
     * Null shows every response; {@code ""} those where any judge disagrees with the final label, a judge's label
     * those where that judge does; either way most consequential first.
     */
    public StringProperty judgeFilterProperty() {
        return filters.judge();
    }

    public StringProperty groupFilterProperty() {
        return filters.group();
    }

    public ObjectProperty<OptionChoice> optionFilterProperty() {
        return filters.option();
    }

    public StringProperty annotatorFilterProperty() {
        return filters.annotator();
    }

    public StringProperty modelFilterProperty() {
        return filters.model();
    }

    /** Only responses whose gold this reviewer has not yet saved or confirmed. */
    public BooleanProperty notReviewedByMeOnlyProperty() {
        return filters.notReviewedByMeOnly();
    }

    /** Whether this reviewer has saved or confirmed the gold of {@code responseId}. */
    public boolean reviewedByMe(long responseId) {
        return reviewedByMe.contains(responseId);
    }

    public UndoStack goldEdits() {
        return goldEdits;
    }

    public BooleanProperty notAdjudicatedOnlyProperty() {
        return filters.notAdjudicatedOnly();
    }

    public ReadOnlyIntegerProperty currentIndexProperty() {
        return currentIndex.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReviewQueueItem> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReviewService.ResponseDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Selections> majorityProperty() {
        return draft.majorityProperty();
    }

    public ReadOnlyObjectProperty<Set<String>> tiedGroupsProperty() {
        return draft.tiedGroupsProperty();
    }

    public ReadOnlyObjectProperty<Selections> goldProperty() {
        return draft.goldProperty();
    }

    public StringProperty reasonProperty() {
        return draft.reasonProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return draft.dirtyProperty();
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
