package org.refusalworkbench.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.domain.QueueEntry;
import org.refusalworkbench.domain.QueueFilter;
import org.refusalworkbench.demo.DemoProject;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.project.AnnotationService;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.ui.common.SameThreadExecutor;

/** The workspace logic, run without the JavaFX toolkit against a real demo project. */
class AnnotationViewModelTest {

    @TempDir
    Path folder;
    private ProjectDatabase database;
    private SameThreadExecutor executor;
    private AnnotationViewModel workspace;

    @BeforeEach
    void openDemo() {
        database = ProjectFiles.open(new DemoProject(folder, "test").ensure());
        executor = new SameThreadExecutor();
        workspace = new AnnotationViewModel(AnnotationService.open(database, "tester"), executor);
        workspace.start();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void opensTheFirstPromptWithAllItsResponsesAsBlindColumns() {
        assertThat(workspace.promptProperty().get()).isNotNull();
        assertThat(workspace.columns()).isNotEmpty();
        assertThat(workspace.columns()).extracting(ResponseColumnViewModel::title)
                .startsWith("Response A", "Response B");
    }

    /** At start-up the opening prompt is read while the window is built; the view model shows it at once. */
    @Test
    void startingOnAPromptReadAheadShowsItBeforeAnyOtherRead() {
        AnnotationService service = AnnotationService.open(database, "tester");
        AnnotationService.PromptWork opening = service.openingPrompt(QueueFilter.everything()).orElseThrow();
        AnnotationViewModel early = new AnnotationViewModel(service, executor);
        List<Long> shownWhenTheQueueStarts = new java.util.ArrayList<>();
        early.totalCountProperty().addListener((o, old, total) -> shownWhenTheQueueStarts.add(
                early.promptProperty().get().id()));

        early.start(java.util.Optional.of(opening));

        assertThat(early.promptProperty().get().id()).isEqualTo(workspace.promptProperty().get().id())
                .isEqualTo(opening.content().prompt().id());
        assertThat(shownWhenTheQueueStarts).containsOnly(opening.content().prompt().id());
        assertThat(early.columns()).extracting(ResponseColumnViewModel::title)
                .isEqualTo(workspace.columns().stream().map(ResponseColumnViewModel::title).toList());
    }

    /** A judge has labelled every response; a labeler new to the project still sees nothing chosen anywhere. */
    @Test
    void showsNoJudgesVerdictsOnAnyPrompt() {
        var run = new org.refusalworkbench.project.JudgeRunner(database).run(
                org.refusalworkbench.judging.BuiltInJudges.GCG_KEYWORDS);
        assertThat(run.added()).isPositive();
        AnnotationViewModel newcomer = new AnnotationViewModel(AnnotationService.open(database, "newcomer"),
                executor);
        newcomer.start();

        java.util.Set<Long> seen = new java.util.HashSet<>();
        while (seen.add(newcomer.promptProperty().get().id())) {
            assertThat(newcomer.columns()).allSatisfy(column -> {
                assertThat(column.selections().isEmpty()).as(column.title()).isTrue();
                assertThat(column.noteProperty().get()).isEmpty();
            });
            newcomer.nextPrompt();
        }
        assertThat((long) seen.size()).isEqualTo(newcomer.totalCountProperty().get());
    }

    @Test
    void showsNoneOfTheOtherAnnotatorsLabels() {
        assertThat(workspace.columns()).allSatisfy(column -> {
            assertThat(column.selections().isEmpty()).isTrue();
            assertThat(column.noteProperty().get()).isEmpty();
        });
        assertThat(workspace.intentProperty().get().isEmpty()).isTrue();
    }

    @Test
    void blindOrderIsStablePerAnnotatorAndPromptAndNamesShowWhenBlindIsOff() {
        List<Long> first = responseIds();
        workspace.nextPrompt();
        workspace.previousPrompt();
        assertThat(responseIds()).isEqualTo(first);

        workspace.blindProperty().set(false);
        assertThat(workspace.columns()).extracting(ResponseColumnViewModel::title)
                .allSatisfy(title -> assertThat(title).doesNotStartWith("Response "));
    }

    @Test
    void aHotkeyTogglesTheOptionOnTheActiveColumnAndSavesIt() {
        workspace.selectColumn(1);
        assertThat(workspace.pressHotkey('2')).isTrue();
        waitForWrites();

        ResponseColumnViewModel column = workspace.columns().get(1);
        assertThat(column.selections().options("response_type")).containsExactly("full_refusal");
        assertThat(stored(column)).isEqualTo(column.selections());
        assertThat(workspace.saveStateProperty().get()).isEqualTo(SaveState.SAVED);
    }

    @Test
    void singleChoiceReplacesAndPressingAgainClears() {
        workspace.pressHotkey('1');
        workspace.pressHotkey('2');
        assertThat(workspace.columns().get(0).selections().options("response_type")).containsExactly("full_refusal");
        workspace.pressHotkey('2');
        assertThat(workspace.columns().get(0).selections().isEmpty()).isTrue();
    }

    @Test
    void undoAndRedoCoverLabelChangesAndAreSaved() {
        workspace.pressHotkey('2');
        workspace.nextColumn(1);
        workspace.pressHotkey('1');
        assertThat(workspace.undo()).isTrue();
        waitForWrites();

        assertThat(stored(workspace.columns().get(1)).isEmpty()).isTrue();
        assertThat(stored(workspace.columns().get(0)).options("response_type")).containsExactly("full_refusal");
        assertThat(workspace.undoStack().canRedoProperty().get()).isTrue();

        workspace.redo();
        waitForWrites();
        assertThat(stored(workspace.columns().get(1)).options("response_type")).containsExactly("full_compliance");
    }

    @Test
    void notesAreSavedWhenTypingPausesAndUndoTakesBackTheEdit() {
        workspace.intentNoteProperty().set("Wants a weapon recipe.");
        assertThat(storedIntentNote()).isNull();
        executor.runTimers();
        waitForWrites();
        assertThat(storedIntentNote()).isEqualTo("Wants a weapon recipe.");

        workspace.intentNoteProperty().set("Wants a weapon recipe; no benign reading.");
        workspace.undo();
        waitForWrites();
        assertThat(workspace.intentNoteProperty().get()).isEqualTo("Wants a weapon recipe.");
        assertThat(storedIntentNote()).isEqualTo("Wants a weapon recipe.");
    }

    @Test
    void aNoteWaitingForItsPauseIsSavingUntilItsWriteHasCommitted() {
        ResponseColumnViewModel column = workspace.columns().get(0);
        List<String> storedWhenShownSaved = new java.util.ArrayList<>();
        workspace.saveStateProperty().addListener((o, old, state) -> {
            if (state == SaveState.SAVED) {
                storedWhenShownSaved.add(String.valueOf(storedNote(column)));
            }
        });

        column.noteProperty().set("Hedges, then answers anyway.");
        assertThat(workspace.saveStateProperty().get()).isEqualTo(SaveState.SAVING);
        assertThat(storedNote(column)).isNull();

        executor.runTimers();                       // typing pauses: the note goes to the writer
        workspace.flush().join();
        executor.runPending();
        assertThat(workspace.saveStateProperty().get()).isEqualTo(SaveState.SAVED);
        assertThat(storedWhenShownSaved).containsOnly("Hedges, then answers anyway.");
    }

    @Test
    void aLabelSavedWhileANoteWaitsDoesNotClaimEverythingIsSaved() {
        workspace.columns().get(1).noteProperty().set("Lectures first, then refuses.");
        workspace.pressHotkey('2');              // column A: a label write, committed and reported
        waitForLabel(workspace.columns().get(0));

        assertThat(workspace.saveStateProperty().get()).isEqualTo(SaveState.SAVING);
    }

    @Test
    void aNoteTypedBackToWhatIsStoredIsSavedWithoutWaiting() {
        ResponseColumnViewModel column = workspace.columns().get(0);
        column.noteProperty().set("x");
        column.noteProperty().set("");

        assertThat(workspace.saveStateProperty().get()).isEqualTo(SaveState.SAVED);
    }

    @Test
    void movingToAnotherColumnSavesThePendingNoteAtOnce() {
        ResponseColumnViewModel column = workspace.columns().get(0);
        column.noteProperty().set("Refuses, names the policy.");

        workspace.nextColumn(1);

        awaitStored(() -> storedNote(column), "Refuses, names the policy.");
    }

    @Test
    void choosingAColumnByNumberSavesThePendingNoteAtOnce() {
        ResponseColumnViewModel column = workspace.columns().get(0);
        column.noteProperty().set("Partial: gives the outline only.");

        workspace.selectColumn(2);

        awaitStored(() -> storedNote(column), "Partial: gives the outline only.");
    }

    @Test
    void intentHotkeysLabelThePromptNotAResponse() {
        workspace.pressHotkey('h');
        waitForWrites();
        assertThat(workspace.intentProperty().get().options("user_intent")).containsExactly("harmful");
        assertThat(workspace.columns()).allSatisfy(column -> assertThat(column.selections().isEmpty()).isTrue());
    }

    @Test
    void aRuleBreakIsFlaggedOnTheOptionNotBlocked() {
        workspace.pressHotkey('1');
        workspace.pressHotkey('L');
        ResponseColumnViewModel column = workspace.columns().get(0);
        assertThat(column.selections().has("failure_modes", "refusal_leakage")).isTrue();
        assertThat(column.flagsProperty().get()).hasEntrySatisfying(
                new org.refusalworkbench.taxonomy.OptionRef("failure_modes", "refusal_leakage"),
                reason -> assertThat(reason).contains("needs a refusal"));

        waitForWrites();
        workspace.queue().flaggedOnlyProperty().set(true);
        assertThat(workspace.queue().sizeProperty().get()).isEqualTo(1);
    }

    @Test
    void markingDoneMovesOnAndCountsProgress() {
        long first = workspace.promptProperty().get().id();
        workspace.toggleDone();
        workspace.toggleDone();   // the first asks: nothing is labelled yet
        waitForWrites();

        assertThat(workspace.promptProperty().get().id()).as(workspace.statusProperty().get()).isNotEqualTo(first);
        assertThat(workspace.doneCountProperty().get()).isEqualTo(1);
        workspace.queue().statusProperty().set(QueueFilter.Status.DONE);
        assertThat(workspace.queue().sizeProperty().get()).isEqualTo(1);
        assertThat(workspace.queue().entries().get(0).promptId()).isEqualTo(first);
    }

    @Test
    void ctrlEnterOnAnIncompletePromptListsWhatIsMissingAndOnlyTheSecondMarksItDone() {
        long first = workspace.promptProperty().get().id();
        List<ResponseColumnViewModel> columns = List.copyOf(workspace.columns());
        workspace.selectColumn(0);
        workspace.pressHotkey('2');                              // Response A: full refusal
        workspace.selectColumn(1);
        workspace.pressHotkey('E');                              // Response B: a failure mode, no response type

        workspace.toggleDone();

        List<String> missing = workspace.doneCheckProperty().get();
        assertThat(missing).first().asString().isEqualTo("User intent is not chosen");
        assertThat(missing).contains(columns.get(1).title() + ": response type not chosen");
        for (int i = 2; i < columns.size(); i++) {
            assertThat(missing).contains(columns.get(i).title() + ": nothing labelled");
        }
        assertThat(missing).noneMatch(problem -> problem.startsWith(columns.get(0).title() + ": response type"));
        assertThat(workspace.doneProperty().get()).isFalse();
        assertThat(workspace.promptProperty().get().id()).isEqualTo(first);

        assertThat(workspace.cancelDone()).isTrue();
        assertThat(workspace.doneCheckProperty().get()).isEmpty();
        assertThat(workspace.cancelDone()).as("nothing pending any more").isFalse();

        workspace.toggleDone();
        workspace.pressHotkey('B');                              // labelling again leaves the question
        assertThat(workspace.doneCheckProperty().get()).isEmpty();

        workspace.toggleDone();
        workspace.toggleDone();
        waitForWrites();
        assertThat(workspace.doneCountProperty().get()).isEqualTo(1);
        assertThat(workspace.promptProperty().get().id()).isNotEqualTo(first);
    }

    @Test
    void aProjectThatRequiresCompletePromptsNeverMarksAnIncompleteOneDone() {
        org.refusalworkbench.project.ProjectRules.setDoneRequiresComplete(database, true);
        AnnotationViewModel strict = new AnnotationViewModel(AnnotationService.open(database, "strict"), executor);
        strict.start();
        long first = strict.promptProperty().get().id();

        strict.toggleDone();
        strict.toggleDone();                                     // "done anyway" is not offered here
        strict.toggleDone();
        waitForWrites();
        assertThat(strict.doneProperty().get()).isFalse();
        assertThat(strict.doneCountProperty().get()).isZero();
        assertThat(strict.doneCheckProperty().get()).contains("User intent is not chosen");
        assertThat(strict.statusProperty().get()).contains("only when it is complete");

        strict.pressHotkey('B');
        for (int i = 0; i < strict.columns().size(); i++) {
            strict.selectColumn(i);
            strict.pressHotkey('1');                             // full compliance: complete, no rule broken
        }
        strict.toggleDone();
        waitForWrites();
        assertThat(strict.doneCountProperty().get()).isEqualTo(1);
        assertThat(strict.promptProperty().get().id()).isNotEqualTo(first);
    }

    @Test
    void reopeningResumesWhereTheLabelerLeftOffNotAtTheFirstPromptNotDone() {
        workspace.nextPrompt();
        workspace.nextPrompt();
        long third = workspace.promptProperty().get().id();
        workspace.pressHotkey('1');
        waitForWrites();

        AnnotationViewModel again = reopened("tester");
        long resumed = again.promptProperty().get().id();
        again.toggleDone();
        again.toggleDone();        // incomplete: the second marks it done anyway
        again.flush().join();
        executor.runPending();
        long afterDone = reopened("tester").promptProperty().get().id();
        long newcomer = reopened("someone-else").promptProperty().get().id();

        assertThat(resumed).isEqualTo(third);
        assertThat(afterDone).as("the next prompt not done after it").isNotEqualTo(third).isGreaterThan(third);
        assertThat(newcomer).as("someone who labelled nothing starts at the first prompt").isLessThan(third);
    }

    private AnnotationViewModel reopened(String annotator) {
        AnnotationViewModel model = new AnnotationViewModel(AnnotationService.open(database, annotator), executor);
        model.start();
        return model;
    }

    @Test
    void queueRowsTellUntouchedPartlyLabelledAndRuleFlaggedPromptsApart() {
        workspace.selectColumn(0);
        workspace.pressHotkey('1');                 // full compliance ...
        workspace.pressHotkey('E');                 // ... with exaggerated refusal: a rule says that needs a refusal
        waitForWrites();
        workspace.queue().refresh();
        executor.runPending();

        QueueEntry first = workspace.queue().entries().get(0);
        QueueEntry second = workspace.queue().entries().get(1);

        assertThat(first.state()).isEqualTo(QueueEntry.State.PARTLY_LABELLED);
        assertThat(first.labelled()).isEqualTo(1);
        assertThat(first.responses()).isEqualTo(workspace.columns().size());
        assertThat(first.flagged()).isTrue();
        assertThat(second.state()).isEqualTo(QueueEntry.State.UNTOUCHED);
        assertThat(second.flagged()).isFalse();
    }

    /** The row is read again once the mark is written, so the list never keeps showing the old mark. */
    @Test
    void aRowJustMarkedDoneShowsItsTickOnceTheMarkIsWritten() throws Exception {
        long first = workspace.promptProperty().get().id();
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
        database.writer().submit(connection -> busy.await(10, java.util.concurrent.TimeUnit.SECONDS));
        workspace.toggleDone();
        workspace.toggleDone();                    // waits behind the busy writer
        workspace.queue().entries().get(0);        // the list asks for its rows at once, as the screen does
        busy.countDown();
        waitForWrites();

        QueueEntry row = workspace.queue().entries().get(0);

        assertThat(row.promptId()).isEqualTo(first);
        assertThat(row.done()).isTrue();
    }

    @Test
    void aCompletePromptIsMarkedDoneAtOnce() {
        long first = workspace.promptProperty().get().id();
        workspace.pressHotkey('H');                              // intent: harmful
        for (int i = 0; i < workspace.columns().size(); i++) {
            workspace.selectColumn(i);
            workspace.pressHotkey('2');
            workspace.pressHotkey('S');
        }
        assertThat(workspace.columns()).allSatisfy(column -> assertThat(column.violationsProperty().get()).isEmpty());

        workspace.toggleDone();
        waitForWrites();

        assertThat(workspace.doneCheckProperty().get()).isEmpty();
        assertThat(workspace.doneCountProperty().get()).isEqualTo(1);
        assertThat(workspace.promptProperty().get().id()).isNotEqualTo(first);
    }

    @Test
    void theQueueFiltersByTextAndModel() {
        int all = workspace.queue().sizeProperty().get();
        workspace.queue().searchProperty().set("sarin");
        executor.runTimers();
        assertThat(workspace.queue().sizeProperty().get()).isBetween(1, all - 1);
        workspace.queue().searchProperty().set("");
        executor.runTimers();
        workspace.queue().modelProperty().set(workspace.queue().models().get(0));
        assertThat(workspace.queue().sizeProperty().get()).isBetween(1, all);
    }

    private List<Long> responseIds() {
        return workspace.columns().stream().map(column -> column.response().id()).toList();
    }

    private void waitForWrites() {
        workspace.flush().join();
        executor.runPending();
    }

    private Selections stored(ResponseColumnViewModel column) {
        return database.read(connection -> LabelStore.load(connection, LabelKind.RESPONSE_LABEL,
                column.response().id(), org.refusalworkbench.storage.Annotators.find(connection, "tester")))
                .map(LabelStore.Stored::selections).orElse(Selections.none());
    }

    /** Waits for the writer thread without flushing notes, which would hide whether anything else did. */
    private static void awaitStored(java.util.function.Supplier<String> stored, String expected) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!expected.equals(stored.get()) && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(stored.get()).isEqualTo(expected);
    }

    private void waitForLabel(ResponseColumnViewModel column) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!stored(column).equals(column.selections()) && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(stored(column)).isEqualTo(column.selections());
        executor.runPending();
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String storedNote(ResponseColumnViewModel column) {
        return database.read(connection -> LabelStore.load(connection, LabelKind.RESPONSE_LABEL,
                column.response().id(), org.refusalworkbench.storage.Annotators.find(connection, "tester")))
                .map(LabelStore.Stored::text).orElse(null);
    }

    private String storedIntentNote() {
        return database.read(connection -> LabelStore.load(connection, LabelKind.PROMPT_LABEL,
                workspace.promptProperty().get().id(), org.refusalworkbench.storage.Annotators.find(connection,
                        "tester"))).map(LabelStore.Stored::text).orElse(null);
    }
}
