package org.refusalworkbench.ui.annotate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.refusalworkbench.domain.Prompt;
import org.refusalworkbench.domain.Response;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.project.AnnotationService;
import org.refusalworkbench.storage.DoneMarks;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.RuleChecker;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;
import org.refusalworkbench.ui.common.BackgroundTask;
import org.refusalworkbench.ui.common.UiExecutor;
import org.refusalworkbench.ui.common.UndoStack;

/**
 * The labelling workspace: one prompt with its response columns, this annotator's labels and notes, navigation and
 * progress. Each label change is a command on the undo stack and is written at once through the writer thread; notes
 * are written when typing pauses, or sooner when the labeller moves to another column or prompt. The save state says
 * "saved" only when no write is in flight and no note waits for its pause. The undo history belongs to the prompt on
 * screen and is cleared when moving on, because by then every change is saved.
 *
 * <p>Its size (about 450 lines) has a reason: navigation, labelling, notes and undo all act on the one prompt on
 * screen and its undo history, and each must flush notes before the prompt changes. The parts that stand alone
 * live beside it: the save state ({@link SaveTracker}), the queue ({@link QueueViewModel}), one column
 * ({@link ResponseColumnViewModel}) and a note's debounce ({@link NoteState}).
 */
public final class AnnotationViewModel {

    public static final Duration NOTE_DEBOUNCE = Duration.ofMillis(400);

    private final AnnotationService service;
    private final UiExecutor executor;
    private final Taxonomy taxonomy;
    private final RuleChecker rules;
    private final QueueViewModel queue;
    private final UndoStack undo = new UndoStack();

    private final ReadOnlyObjectWrapper<Prompt> prompt = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ResponseColumnViewModel> columns = FXCollections.observableArrayList();
    private final ObservableList<ResponseColumnViewModel> readOnlyColumns =
            FXCollections.unmodifiableObservableList(columns);
    private final IntegerProperty activeColumn = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<Selections> intent = new ReadOnlyObjectWrapper<>(Selections.none());
    /** What a pending Ctrl+Enter would mark done despite; empty when none is pending. */
    private final ReadOnlyObjectWrapper<List<String>> doneCheck = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty blind = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper unblindPending = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty highlightPhrases = new SimpleBooleanProperty(true);
    private final BooleanProperty formattedText = new SimpleBooleanProperty(true);
    private final SaveTracker saving;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper doneCount = new ReadOnlyLongWrapper(0);
    private final ReadOnlyLongWrapper totalCount = new ReadOnlyLongWrapper(0);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

    private NoteState intentNote;
    private AnnotationService.PromptWork work;
    private long loadGeneration;

    private final Duration noteDebounce;

    public AnnotationViewModel(AnnotationService service, UiExecutor executor) {
        this(service, executor, NOTE_DEBOUNCE);
    }

    /** @param noteDebounce how long typing must pause before a note is written on its own */
    public AnnotationViewModel(AnnotationService service, UiExecutor executor, Duration noteDebounce) {
        this.service = service;
        this.executor = executor;
        this.noteDebounce = noteDebounce;
        this.taxonomy = service.taxonomy();
        this.rules = new RuleChecker(taxonomy);
        this.queue = new QueueViewModel(service, executor);
        this.saving = new SaveTracker(executor, this::notesPending);
        this.intentNote = note("intent note", "");
        blind.addListener((observable, old, value) -> arrangeColumns());
    }

    /**
     * Opens the first prompt not yet done (or the first prompt), then loads progress and the queue. The prompt comes
     * first because it is what the labeller waits for; the queue's counts can follow a moment later.
     */
    public void start() {
        BackgroundTask.read(() -> service.openingPrompt(queue.filter()))
                .onSuccess(this::start)
                .onFailure(this::reportReadFailure)
                .runOn(executor);
    }

    /** Starts on a prompt already read off the UI thread (while the window was being built), or on none. */
    public void start(Optional<AnnotationService.PromptWork> opening) {
        opening.ifPresent(this::show);
        refreshProgress();
        queue.start();
    }

    // ---- navigation -------------------------------------------------------------------------------------------

    public void open(long promptId) {
        flushNotes();
        long generation = ++loadGeneration;
        loading.set(true);
        BackgroundTask.read(() -> service.load(promptId))
                .onSuccess(loaded -> {
                    if (generation == loadGeneration) {
                        show(loaded);
                    }
                })
                .onFailure(this::reportReadFailure)
                .runOn(executor);
    }

    public void nextPrompt() {
        move(() -> service.neighbour(queue.filter(), currentId(), true), "This is the last prompt in the queue.");
    }

    public void previousPrompt() {
        move(() -> service.neighbour(queue.filter(), currentId(), false), "This is the first prompt in the queue.");
    }

    public void nextUnfinished() {
        move(() -> service.nextUnfinished(currentId()), "Every prompt is marked done.");
    }

    private void move(Supplier<OptionalLong> target, String whenNone) {
        if (work == null) {
            return;
        }
        flushNotes();
        BackgroundTask.read(target::get)
                .onSuccess(next -> {
                    if (next.isPresent()) {
                        open(next.getAsLong());
                    } else {
                        status.set(whenNone);
                    }
                })
                .onFailure(this::reportReadFailure)
                .runOn(executor);
    }

    /**
     * Marks the prompt done (and moves on to the next unfinished one), or takes the mark back. A prompt with
     * something missing or flagged is not marked at once: {@link #doneCheckProperty()} lists what, and the same key
     * again marks it done anyway ({@link #cancelDone()} goes back to it instead), unless the project requires
     * complete prompts: then it stays not done until nothing is listed.
     */
    public void toggleDone() {
        if (work == null) {
            return;
        }
        if (!done.get() && (doneCheck.get().isEmpty() || service.doneRequiresComplete())) {
            List<String> problems = notYetDone();
            if (!problems.isEmpty()) {
                doneCheck.set(problems);
                if (service.doneRequiresComplete()) {
                    status.set("This project marks a prompt done only when it is complete: finish what is listed.");
                }
                return;
            }
        }
        doneCheck.set(List.of());
        flushNotes();
        long promptId = currentId();
        boolean nowDone = !done.get();
        done.set(nowDone);
        doneCount.set(doneCount.get() + (nowDone ? 1 : -1));
        // The rows are read again once the mark is written: read at once, they could still show the old mark.
        refreshRowsAfter(service.setDone(promptId, nowDone));
        if (nowDone) {
            nextUnfinished();
        }
    }

    /** Whether the project marks a prompt done only when nothing is missing or flagged. */
    public boolean doneRequiresComplete() {
        return service.doneRequiresComplete();
    }

    /** Leaves a pending "mark done anyway?" without marking; whether there was one. */
    public boolean cancelDone() {
        boolean pending = !doneCheck.get().isEmpty();
        doneCheck.set(List.of());
        return pending;
    }

    /**
     * What keeps the prompt from being done, in the order a labeler fixes it: an unanswered required prompt group,
     * then per response one left untouched, a required group it does not answer (where the group applies to its
     * answers), and each rule it breaks.
     */
    List<String> notYetDone() {
        List<String> problems = new ArrayList<>();
        for (TaxonomyGroup group : taxonomy.groups(GroupLevel.PROMPT)) {
            if (group.required() && intent.get().options(group.id()).isEmpty()) {
                problems.add(group.label() + " is not chosen");
            }
        }
        for (ResponseColumnViewModel column : columns) {
            Selections chosen = column.selections();
            if (chosen.isEmpty()) {
                problems.add(column.title() + ": nothing labelled");
                continue;
            }
            for (TaxonomyGroup group : taxonomy.groups(GroupLevel.RESPONSE)) {
                if (group.required() && group.appliesTo(chosen) && chosen.options(group.id()).isEmpty()) {
                    problems.add(column.title() + ": " + group.label().toLowerCase(Locale.ROOT)
                            + " not chosen");
                }
            }
            column.violationsProperty().get().forEach(violation -> problems.add(column.title() + ": "
                    + violation.message()));
        }
        return List.copyOf(problems);
    }

    // ---- labelling ---------------------------------------------------------------------------------------------

    /**
     * Applies an option hotkey: prompt-level options to the prompt, response-level ones to the active column.
     *
     * @return whether the key is an option hotkey
     */
    public boolean pressHotkey(char key) {
        char wanted = Character.toUpperCase(key);
        for (TaxonomyGroup group : taxonomy.groups()) {
            for (TaxonomyOption option : group.options()) {
                if (Character.toUpperCase(option.hotkey()) == wanted) {
                    if (group.level() == GroupLevel.PROMPT) {
                        toggleIntent(group.id(), option.id());
                    } else if (!columns.isEmpty()) {
                        toggle(columns.get(activeColumn.get()), group.id(), option.id());
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /** Ticks or unticks an option; in a single-choice group ticking replaces the previous choice. */
    public void toggle(ResponseColumnViewModel column, String groupId, String optionId) {
        doneCheck.set(List.of());
        Selections before = column.selections();
        Selections after = flip(before, groupId, optionId);
        undo.execute(new ReversibleEdit(describe(before, groupId, optionId) + " (" + column.title() + ")") {
            @Override
            void apply(boolean forward) {
                column.setSelections(forward ? after : before);
                activeColumn.set(Math.max(0, columns.indexOf(column)));
                saveLabel(column);
            }
        });
    }

    public void toggleIntent(String groupId, String optionId) {
        doneCheck.set(List.of());
        Selections before = intent.get();
        Selections after = flip(before, groupId, optionId);
        undo.execute(new ReversibleEdit(describe(before, groupId, optionId) + " (intent)") {
            @Override
            void apply(boolean forward) {
                intent.set(forward ? after : before);
                savePromptLabel();
            }
        });
    }

    private Selections flip(Selections selections, String groupId, String optionId) {
        TaxonomyGroup group = taxonomy.group(groupId).orElseThrow();
        return selections.has(groupId, optionId) ? selections.without(groupId, optionId)
                : selections.with(groupId, optionId, group.isSingleChoice());
    }

    private String describe(Selections before, String groupId, String optionId) {
        String label = taxonomy.group(groupId).flatMap(group -> group.option(optionId))
                .map(TaxonomyOption::label).orElse(optionId);
        return (before.has(groupId, optionId) ? "untick " : "tick ") + label;
    }

    // ---- notes -------------------------------------------------------------------------------------------------

    /** Saves every note that changed since its last save, now, each as one undo step. */
    public void flushNotes() {
        commitNote(intentNote);
        columns.forEach(column -> commitNote(column.noteState()));
    }

    private NoteState note(String label, String initial) {
        return new NoteState(label, initial, executor, noteDebounce, this::commitNote, () -> saving.noteTyped());
    }

    private boolean notesPending() {
        return intentNote.isDirty() || columns.stream().anyMatch(column -> column.noteState().isDirty());
    }

    private void commitNote(NoteState note) {
        if (!note.isDirty() || work == null) {
            return;
        }
        String before = note.committed();
        String after = note.commit();
        Runnable save = note == intentNote ? this::savePromptLabel : saverFor(note);
        save.run();
        undo.record(new ReversibleEdit("edit " + note.label()) {
            @Override
            void apply(boolean forward) {
                note.apply(forward ? after : before);
                save.run();
            }
        });
    }

    private Runnable saverFor(NoteState note) {
        for (ResponseColumnViewModel column : columns) {
            if (column.noteState() == note) {
                return () -> saveLabel(column);
            }
        }
        return () -> { };
    }

    // ---- saving ------------------------------------------------------------------------------------------------

    private void saveLabel(ResponseColumnViewModel column) {
        // The prompt's row shows how far it is labelled and whether a rule flags it, and the flagged filter
        // depends on it: read the rows again once the label is written.
        refreshRowsAfter(service.saveLabel(column.response().id(), column.selections(),
                column.noteState().committed()));
    }

    private void refreshRowsAfter(CompletableFuture<?> write) {
        track(write);
        write.whenComplete((ok, failure) -> executor.onUi(queue::refreshRows));
    }

    private void savePromptLabel() {
        track(service.savePromptLabel(currentId(), intent.get(), intentNote.committed()));
    }

    private void track(CompletableFuture<?> write) {
        saving.track(write);
    }

    /** Saves pending notes and completes when every write so far is committed: for closing the window. */
    public CompletableFuture<Void> flush() {
        flushNotes();
        return saving.allReported();
    }

    // ---- showing a prompt ------------------------------------------------------------------------------------

    private void show(AnnotationService.PromptWork loaded) {
        flushNotes();   // typed while the next prompt was loading: saved on the prompt it was typed on
        work = loaded;
        undo.clear();
        doneCheck.set(List.of());
        Prompt shown = loaded.content().prompt();
        intent.set(loaded.promptLabel() == null ? Selections.none() : loaded.promptLabel().selections());
        String intentText = loaded.promptLabel() == null || loaded.promptLabel().text() == null ? ""
                : loaded.promptLabel().text();
        intentNote = note("intent note", intentText);
        List<ResponseColumnViewModel> built = new ArrayList<>();
        for (Response response : loaded.content().responses()) {
            built.add(new ResponseColumnViewModel(response, rules, loaded.selectionsFor(response),
                    note("note", loaded.noteFor(response))));
        }
        done.set(loaded.done());
        prompt.set(shown);
        arrange(built);
        activeColumn.set(0);
        loading.set(false);
        status.set("");
        queue.showCurrent(shown.id());
    }

    private void arrangeColumns() {
        arrange(new ArrayList<>(columns));
    }

    /** Blind: shuffled per annotator and prompt, named A, B, C…; otherwise in model order with real names. */
    private void arrange(List<ResponseColumnViewModel> built) {
        if (work == null) {
            return;
        }
        List<ResponseColumnViewModel> ordered = new ArrayList<>(built);
        ordered.sort(java.util.Comparator.comparing((ResponseColumnViewModel column) -> column.response().model())
                .thenComparingInt(column -> column.response().sample())
                .thenComparingLong(column -> column.response().id()));
        if (blind.get()) {
            ordered = BlindOrder.shuffle(ordered, service.annotator(), work.content().prompt().uid());
        }
        boolean severalSamples = ordered.stream().map(column -> column.response().model()).distinct().count()
                < ordered.size();
        for (int i = 0; i < ordered.size(); i++) {
            Response response = ordered.get(i).response();
            ordered.get(i).titleProperty().set(blind.get() ? BlindOrder.name(i)
                    : response.model() + (severalSamples ? " #" + response.sample() : ""));
        }
        columns.setAll(ordered);
    }

    private void refreshProgress() {
        BackgroundTask.read(service::progress)
                .onSuccess((DoneMarks.Progress progress) -> {
                    doneCount.set(progress.done());
                    totalCount.set(progress.total());
                })
                .onFailure(this::reportReadFailure)
                .runOn(executor);
    }

    private void reportReadFailure(Throwable failure) {
        loading.set(false);
        status.set("Could not read the project: " + failure.getMessage());
    }

    private long currentId() {
        return work == null ? 0 : work.content().prompt().id();
    }

    // ---- columns -----------------------------------------------------------------------------------------------

    public void nextColumn(int step) {
        if (!columns.isEmpty()) {
            selectColumn(Math.floorMod(activeColumn.get() + step, columns.size()));
        }
    }

    /** Makes a column active; a note typed in the one left is saved now rather than after the pause. */
    public void selectColumn(int index) {
        if (index >= 0 && index < columns.size() && index != activeColumn.get()) {
            flushNotes();
            activeColumn.set(index);
        }
    }

    public Optional<ResponseColumnViewModel> activeColumnModel() {
        int index = activeColumn.get();
        return index >= 0 && index < columns.size() ? Optional.of(columns.get(index)) : Optional.empty();
    }

    // ---- properties --------------------------------------------------------------------------------------------

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public String annotator() {
        return service.annotator();
    }

    public QueueViewModel queue() {
        return queue;
    }

    public UndoStack undoStack() {
        return undo;
    }

    public boolean undo() {
        flushNotes();
        return undo.undo();
    }

    public boolean redo() {
        return undo.redo();
    }

    public ReadOnlyObjectProperty<Prompt> promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ObservableList<ResponseColumnViewModel> columns() {
        return readOnlyColumns;
    }

    public IntegerProperty activeColumnProperty() {
        return activeColumn;
    }

    /** What is missing or flagged on the prompt a Ctrl+Enter was pressed on; empty when none is pending. */
    public ReadOnlyObjectProperty<List<String>> doneCheckProperty() {
        return doneCheck.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Selections> intentProperty() {
        return intent.getReadOnlyProperty();
    }

    /** The intent note of the prompt on screen; replaced with each prompt, so views rebind on prompt change. */
    public javafx.beans.property.StringProperty intentNoteProperty() {
        return intentNote.text();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public BooleanProperty blindProperty() {
        return blind;
    }

    /** Whether a Ctrl+Shift+B waits for its confirmation before the model names show. */
    public ReadOnlyBooleanProperty unblindPendingProperty() {
        return unblindPending.getReadOnlyProperty();
    }

    /**
     * The blind-mode key: blind again at once, but model names show only when asked twice, since one stray key
     * would end a blind study for the prompts that follow.
     */
    public void toggleBlind() {
        if (!blind.get()) {
            blind.set(true);
        } else if (unblindPending.get()) {
            unblindPending.set(false);
            blind.set(false);
        } else {
            unblindPending.set(true);
        }
    }

    /** Leaves a pending unblinding, staying blind; whether there was one. */
    public boolean cancelUnblind() {
        boolean pending = unblindPending.get();
        unblindPending.set(false);
        return pending;
    }

    /** Whether responses show their Markdown formatted, or the text exactly as the model wrote it. */
    public BooleanProperty formattedTextProperty() {
        return formattedText;
    }

    public BooleanProperty highlightPhrasesProperty() {
        return highlightPhrases;
    }

    public ReadOnlyObjectProperty<SaveState> saveStateProperty() {
        return saving.stateProperty();
    }

    public ReadOnlyStringProperty saveProblemProperty() {
        return saving.problemProperty();
    }

    /** A one-line message for the status bar ("This is the last prompt…"). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty doneCountProperty() {
        return doneCount.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "12 / 60 prompts done". */
    public String progressText() {
        return String.format(Locale.ROOT, "%,d / %,d prompts done", doneCount.get(), totalCount.get());
    }
}
