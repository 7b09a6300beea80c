package org.refusalworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.refusalworkbench.domain.QueueEntry;
import org.refusalworkbench.AppContext;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.ui.annotate.AnnotationViewModel;
import org.refusalworkbench.ui.annotate.ResponseColumnViewModel;
import org.refusalworkbench.ui.annotate.SaveState;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** A labeler's first minutes, keyboard only, on the demo project under headless Monocle. */
class LabellingWalkthroughTest extends ApplicationTest {

    private static final String ANNOTATOR = "walkthrough";

    private TestWindow test;
    private Stage stage;
    private AppContext context;
    private MainWindow window;

    @Override
    public void start(Stage stage) throws Exception {
        this.stage = stage;
        test = new TestWindow(stage, context -> { });
        context = test.context;
        window = test.window;
        window.open(null, ANNOTATOR);
    }

    @AfterEach
    void tearDown() throws Exception {
        test.close();
    }

    @Test
    void labelTwoResponsesByKeyboardUndoOneWriteAnIntentNoteAndFindExactlyThatAfterReopening() throws Exception {
        AnnotationViewModel workspace = waitForWorkspace();
        List<ResponseColumnViewModel> columns = new ArrayList<>(workspace.columns());
        long promptId = workspace.promptProperty().get().id();

        type(KeyCode.DIGIT2);            // column A: full refusal
        type(KeyCode.S);                 // column A: appropriate safety refusal
        type(KeyCode.TAB);               // to column B
        type(KeyCode.DIGIT1);            // column B: full compliance
        type(KeyCode.TAB);               // to column C
        type(KeyCode.DIGIT3);            // column C: partial refusal ...
        press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);   // ... undone
        press(KeyCode.CONTROL).press(KeyCode.I).release(KeyCode.I).release(KeyCode.CONTROL);   // intent note
        write("Weapon synthesis");
        type(KeyCode.ESCAPE);            // leave the note: hotkeys work again and the note is saved
        type(KeyCode.H);                 // intent: harmful
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> { });
        window.workspace().flush().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workspace.saveStateProperty().get()).isEqualTo(SaveState.SAVED);

        interact(() -> window.saveBeforeClosing());
        Path file = context.project().file();
        context.close();

        try (ProjectDatabase reopened = ProjectFiles.open(file)) {
            long me = reopened.read(connection -> Annotators.find(connection, ANNOTATOR));
            assertThat(stored(reopened, LabelKind.RESPONSE_LABEL, columns.get(0).response().id(), me))
                    .isEqualTo(Selections.none().with("response_type", "full_refusal", true)
                            .with("refusal_type", "safety_policy", false));
            assertThat(stored(reopened, LabelKind.RESPONSE_LABEL, columns.get(1).response().id(), me))
                    .isEqualTo(Selections.none().with("response_type", "full_compliance", true));
            assertThat(stored(reopened, LabelKind.RESPONSE_LABEL, columns.get(2).response().id(), me)).isEqualTo(
                    Selections.none());
            LabelStore.Stored intent = reopened.read(connection -> LabelStore.load(connection,
                    LabelKind.PROMPT_LABEL, promptId, me)).orElseThrow();
            assertThat(intent.selections()).isEqualTo(Selections.none().with("user_intent", "harmful", true));
            assertThat(intent.text()).isEqualTo("Weapon synthesis");
            long labelsOfMine = reopened.read(connection -> {
                try (var query = connection.prepareStatement("SELECT count(*) FROM label WHERE annotator_id = ?"
                        + " AND EXISTS (SELECT 1 FROM label_selection s WHERE s.label_id = label.id)")) {
                    query.setLong(1, me);
                    try (var rows = query.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                }
            });
            assertThat(labelsOfMine).isEqualTo(2);
        }
    }

    @Test
    void pageDownShowsTheNextPromptAndTheHelpSheetListsTheBindings() {
        AnnotationViewModel workspace = waitForWorkspace();
        long first = workspace.promptProperty().get().id();
        type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> workspace.promptProperty().get().id() != first);
        type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#help-sheet").tryQuery()).isPresent();
    }

    @Test
    void ctrlEnterOnAnIncompletePromptSaysWhatIsMissingEscGoesBackAndASecondCtrlEnterMarksItDone() {
        AnnotationViewModel workspace = waitForWorkspace();
        long first = workspace.promptProperty().get().id();
        type(KeyCode.DIGIT2);                                      // Response A: full refusal, the rest untouched

        press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label check = lookup("#done-check").queryAs(javafx.scene.control.Label.class);
        boolean shownAfterFirst = check.isVisible();
        String said = check.getText();
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        boolean shownAfterEscape = check.isVisible();
        boolean doneAfterEscape = workspace.doneProperty().get();

        press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> workspace.promptProperty().get().id() != first);

        assertThat(shownAfterFirst).isTrue();
        assertThat(said).contains("User intent is not chosen").contains("Response B: nothing labelled")
                .contains("Ctrl+Enter again: mark it done anyway").contains("Esc: go back");
        assertThat(shownAfterEscape).isFalse();
        assertThat(doneAfterEscape).isFalse();
        assertThat(workspace.doneCountProperty().get()).isEqualTo(1);
        assertThat(check.isVisible()).isFalse();
    }

    @Test
    void oneCtrlShiftBAsksBeforeTheModelNamesShowAndUnblindingIsNotRememberedForTheNextStart() {
        AnnotationViewModel workspace = waitForWorkspace();
        List<String> blindTitles = workspace.columns().stream().map(column -> column.titleProperty().get()).toList();

        pressBlindKey();
        boolean blindAfterOne = workspace.blindProperty().get();
        javafx.scene.control.Label notice = lookup("#blind-notice").queryAs(javafx.scene.control.Label.class);
        String asked = notice.isVisible() ? notice.getText() : "";
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        boolean blindAfterEscape = workspace.blindProperty().get() && !notice.isVisible();
        pressBlindKey();
        pressBlindKey();
        List<String> shownTitles = workspace.columns().stream().map(column -> column.titleProperty().get()).toList();
        boolean modelFilterUsable = !lookup(".combo-box").queryAll().stream().filter(node -> node.getScene() != null)
                .map(node -> (javafx.scene.control.ComboBox<?>) node)
                .filter(box -> String.valueOf(box.getTooltip() == null ? "" : box.getTooltip().getText())
                        .startsWith("Filter by model")).findFirst().orElseThrow().isDisabled();

        assertThat(blindAfterOne).as("one key press leaves the study blind").isTrue();
        assertThat(asked).contains("Show the model names?").contains("again: show them for this session");
        assertThat(blindAfterEscape).isTrue();
        assertThat(workspace.blindProperty().get()).isFalse();
        assertThat(shownTitles).isNotEqualTo(blindTitles);
        assertThat(notice.getText()).contains("Model names are shown");
        assertThat(modelFilterUsable).isTrue();
        assertThat(new org.refusalworkbench.ui.common.UiSettings(test.dataFolder.resolve(
                org.refusalworkbench.ui.common.UiSettings.FILE_NAME)).get(org.refusalworkbench.ui.common.UiSetting.BLIND))
                .as("the next start is blind again").isTrue();
    }

    @Test
    void theViewMenusBlindModeItemAsksFirstAsTheKeyDoes() {
        AnnotationViewModel workspace = waitForWorkspace();
        javafx.scene.control.MenuBar bar = lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.CheckMenuItem blind = (javafx.scene.control.CheckMenuItem) bar.getMenus().stream()
                .filter(menu -> menu.getText().equals("View")).findFirst().orElseThrow().getItems().get(0);
        assertThat(blind.isSelected()).isTrue();

        interact(blind::fire);
        assertThat(workspace.blindProperty().get()).as("one choice only asks").isTrue();
        assertThat(workspace.unblindPendingProperty().get()).isTrue();
        assertThat(blind.isSelected()).isTrue();

        interact(blind::fire);
        assertThat(workspace.blindProperty().get()).isFalse();
        assertThat(blind.isSelected()).isFalse();
        interact(blind::fire);
        assertThat(workspace.blindProperty().get()).as("blind again at once").isTrue();
        assertThat(blind.isSelected()).isTrue();
    }

    private void pressBlindKey() {
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void searchFindsAWordOfAResponseAndAPromptIdAndReturnOpensTheMatchForLabelling() {
        AnnotationViewModel workspace = waitForWorkspace();
        waitUntil(() -> lookup("#prompt-queue").tryQuery().isPresent());

        press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        write("locksport");                                        // only in a response of demo-13
        waitUntil(() -> workspace.queue().sizeProperty().get() == 1);
        type(KeyCode.ENTER);
        waitUntil(() -> "demo-13".equals(workspace.promptProperty().get().externalId()));
        type(KeyCode.DIGIT1);                                      // the hotkey labels again: the focus left search
        WaitForAsyncUtils.waitForFxEvents();
        boolean labelled = workspace.columns().get(workspace.activeColumnProperty().get()).selections()
                .has("response_type", "full_compliance");

        press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        write("demo-0");                                           // prompt ids demo-01 … demo-09
        waitUntil(() -> workspace.queue().sizeProperty().get() == 9);
        type(KeyCode.DOWN);
        waitUntil(() -> workspace.promptProperty().get().externalId().startsWith("demo-0"));
        int onMatch = Integer.parseInt(workspace.promptProperty().get().externalId().substring("demo-".length()));
        type(KeyCode.DOWN);
        String following = String.format("demo-%02d", Math.min(9, onMatch + 1));
        waitUntil(() -> following.equals(workspace.promptProperty().get().externalId()));
        type(KeyCode.UP);
        waitUntil(() -> String.format("demo-%02d", Math.min(9, onMatch + 1) - 1).equals(
                workspace.promptProperty().get().externalId()));

        assertThat(labelled).isTrue();
    }

    @Test
    void theQueueArrivesAfterTheFirstFrameWithThePromptOnScreenSelectedAndFollowsTheKeyboard() {
        AnnotationViewModel workspace = waitForWorkspace();
        waitUntil(() -> lookup("#prompt-queue").tryQuery().isPresent());
        ListView<?> queue = lookup("#prompt-queue").queryAs(ListView.class);
        waitUntil(() -> selectedPromptId(queue) == workspace.promptProperty().get().id());

        long first = workspace.promptProperty().get().id();
        type(KeyCode.PAGE_DOWN);
        waitUntil(() -> workspace.promptProperty().get().id() != first);
        waitUntil(() -> selectedPromptId(queue) == workspace.promptProperty().get().id());
        assertThat(queue.getSelectionModel().getSelectedIndex()).isEqualTo(1);
    }

    @Test
    void ctrlQSavesTheLastClickAndClosesTheWindow() {
        AnnotationViewModel workspace = waitForWorkspace();
        long responseId = workspace.columns().get(0).response().id();
        type(KeyCode.DIGIT2);            // column A: full refusal
        press(KeyCode.CONTROL).press(KeyCode.Q).release(KeyCode.Q).release(KeyCode.CONTROL);
        waitUntil(() -> !stage.isShowing());
        Path file = context.project().file();
        context.close();
        try (ProjectDatabase reopened = ProjectFiles.open(file)) {
            long me = reopened.read(connection -> Annotators.find(connection, ANNOTATOR));
            assertThat(stored(reopened, LabelKind.RESPONSE_LABEL, responseId, me))
                    .isEqualTo(Selections.none().with("response_type", "full_refusal", true));
        }
    }

    @Test
    void aBrokenRuleIsExplainedInFullUnderTheColumn() {
        waitForWorkspace();
        interact(() -> stage.setHeight(560));   // a short window, where every pixel of height is contested
        type(KeyCode.DIGIT1);            // column A: full compliance ...
        type(KeyCode.L);                 // ... with refusal leakage, which needs a refusal
        waitUntil(() -> lookup(".flag").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Label flag = lookup(".flag").queryAs(Label.class);
        assertThat(flag.getText()).startsWith("⚠ Refusal leakage");
        assertThat(flag.getHeight()).isGreaterThanOrEqualTo(flag.prefHeight(flag.getWidth()) - 0.5);
    }

    @Test
    void aRuleMessageInOneColumnLeavesItsOptionsInLineWithTheNeighbours() {
        waitForWorkspace();
        String option = "#option-response_type-full_refusal";
        waitUntil(() -> lookup("#column-1 " + option).tryQuery().filter(node -> node.getScene() != null)
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        double before = screenY("#column-0 " + option);
        assertThat(screenY("#column-1 " + option)).isEqualTo(before);
        type(KeyCode.DIGIT1);            // column A: full compliance ...
        type(KeyCode.L);                 // ... with refusal leakage: a rule flags column A
        waitUntil(() -> lookup("#column-0 .flag").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screenY("#column-0 " + option)).isEqualTo(before);
        assertThat(screenY("#column-1 " + option)).isEqualTo(before);
    }

    @Test
    void ctrlDownAndCtrlUpScrollTheActiveResponseAndDraggingOneSplitMovesEveryColumns() {
        waitForWorkspace();
        waitUntil(() -> lookup("#column-1 .text-options-split").tryQuery().filter(node -> node.getScene() != null)
                .isPresent());
        interact(() -> stage.setHeight(560));
        SplitPane first = lookup("#column-0 .text-options-split").queryAs(SplitPane.class);
        SplitPane second = lookup("#column-1 .text-options-split").queryAs(SplitPane.class);
        interact(() -> first.setDividerPositions(0.2));
        for (int i = 0; i < 3; i++) {             // larger text, as a labeller with a long day may set it
            press(KeyCode.CONTROL).press(KeyCode.EQUALS).release(KeyCode.EQUALS).release(KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(second.getDividerPositions()[0]).isCloseTo(first.getDividerPositions()[0],
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(window.annotationView().textShareProperty().get()).isCloseTo(first.getDividerPositions()[0],
                org.assertj.core.data.Offset.offset(1e-9));

        int longest = 0;
        List<ResponseColumnViewModel> columns = window.workspace().columns();
        for (int i = 1; i < columns.size(); i++) {
            if (columns.get(i).response().text().length() > columns.get(longest).response().text().length()) {
                longest = i;
            }
        }
        int otherColumn = longest == 0 ? 1 : 0;
        KeyCode columnKey = KeyCode.valueOf("DIGIT" + (longest + 1));
        press(KeyCode.CONTROL).press(columnKey).release(columnKey).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane text = lookup("#column-" + longest + " .response-scroll").queryAs(ScrollPane.class);
        assertThat(text.getContent().getLayoutBounds().getHeight())
                .as("the longest response is longer than its view at this height")
                .isGreaterThan(text.getViewportBounds().getHeight());
        assertThat(text.getVvalue()).isZero();
        press(KeyCode.CONTROL).press(KeyCode.DOWN).release(KeyCode.DOWN).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getVvalue()).isPositive();
        ScrollPane other = lookup("#column-" + otherColumn + " .response-scroll").queryAs(ScrollPane.class);
        assertThat(other.getVvalue()).as("only the active column scrolls").isZero();
        press(KeyCode.CONTROL).press(KeyCode.UP).release(KeyCode.UP).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getVvalue()).isZero();
        assertThat(columns.get(longest).selectionsProperty().get().isEmpty())
                .as("scrolling chose no option").isTrue();
    }

    private double screenY(String query) {
        javafx.scene.Node node = lookup(query).query();
        return node.localToScreen(node.getBoundsInLocal()).getMinY();
    }

    @Test
    void theResponseColumnsFitTheWindowWithoutAScrollBarAtAnyWidth() {
        waitForWorkspace();
        waitUntil(() -> lookup(".columns-scroll").tryQuery().filter(node -> node.getScene() != null).isPresent());
        ScrollPane scroll = lookup(".columns-scroll").queryAs(ScrollPane.class);
        List<String> overflowing = new ArrayList<>();
        for (int width = 1200; width <= 1240; width++) {
            int windowWidth = width;
            interact(() -> stage.setWidth(windowWidth));
            WaitForAsyncUtils.waitForFxEvents();
            double viewport = scroll.getViewportBounds().getWidth();
            double content = scroll.getContent().getLayoutBounds().getWidth();
            if (content > viewport) {
                overflowing.add(windowWidth + " px: " + content + " in " + viewport);
            }
        }
        assertThat(overflowing).isEmpty();
    }

    /** The entry at the selected row; the row can be selected while its page is still loading. */
    private static long selectedPromptId(ListView<?> queue) {
        int index = queue.getSelectionModel().getSelectedIndex();
        Object selected = index < 0 ? null : queue.getItems().get(index);
        return selected instanceof QueueEntry entry ? entry.promptId() : -1;
    }

    private AnnotationViewModel waitForWorkspace() {
        waitUntil(() -> window.workspace() != null && !window.workspace().columns().isEmpty());
        return window.workspace();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting", e);
        }
    }

    private static Selections stored(ProjectDatabase database, LabelKind kind, long target, long person) {
        return database.read(connection -> LabelStore.load(connection, kind, target, person))
                .map(LabelStore.Stored::selections).orElse(Selections.none());
    }
}
