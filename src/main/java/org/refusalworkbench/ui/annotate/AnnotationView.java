package org.refusalworkbench.ui.annotate;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.refusalworkbench.ui.common.AfterFrame;
import org.refusalworkbench.ui.common.KeyBinding;
import org.refusalworkbench.ui.common.KeyBindingCategory;
import org.refusalworkbench.ui.common.KeyDispatcher;

/**
 * The labelling view: prompt and intent on top, the response columns side by side below (six fit, more scroll),
 * the queue on the left. Owns the keyboard: fixed bindings and option hotkeys, never while typing in a note.
 */
public final class AnnotationView extends SplitPane {

    private static final int VISIBLE_COLUMNS = 6;
    /** Five columns (XSTest's five models) fit beside the queue on a 1366 px laptop screen. */
    private static final double MIN_COLUMN_WIDTH = 190;
    public static final double DEFAULT_TEXT_SHARE = 0.5;

    private final AnnotationViewModel workspace;
    private final HBox columnBox = new HBox(8);
    private final ScrollPane columnScroll = new ScrollPane(columnBox);
    private final PromptPanel promptPanel;
    /** Holds the queue once the first frame is on screen; see {@link #buildQueueAfterFirstFrame}. */
    private final StackPane queueSlot = new StackPane();
    private QueueView queueView;
    private final List<ResponseColumnView> columnViews = new ArrayList<>();
    /** Every column's split between its text and its options; the window remembers it across projects. */
    private final DoubleProperty textShare = new SimpleDoubleProperty(DEFAULT_TEXT_SHARE);

    public AnnotationView(AnnotationViewModel workspace) {
        this.workspace = workspace;
        getStyleClass().add("annotation-view");
        setFocusTraversable(true);
        promptPanel = new PromptPanel(workspace);

        columnBox.getStyleClass().add("columns");
        columnScroll.setFitToHeight(true);
        columnScroll.setFocusTraversable(false);
        columnScroll.getStyleClass().add("columns-scroll");
        columnScroll.viewportBoundsProperty().addListener(observable -> sizeColumns());
        VBox.setVgrow(columnScroll, Priority.ALWAYS);
        Label empty = new Label("Loading…");
        empty.visibleProperty().bind(workspace.loadingProperty());

        VBox main = new VBox(8, promptPanel, blindNotice(), doneCheck(), columnScroll);
        main.getStyleClass().add("workspace");
        queueSlot.getStyleClass().add("queue-slot");
        getItems().addAll(queueSlot, main);
        setDividerPositions(0.2);
        SplitPane.setResizableWithParent(queueSlot, false);
        buildQueueAfterFirstFrame();

        workspace.columns().addListener((ListChangeListener<ResponseColumnViewModel>) change -> rebuildColumns());
        workspace.highlightPhrasesProperty().addListener(observable -> showTexts());
        workspace.formattedTextProperty().addListener(observable -> showTexts());
        workspace.activeColumnProperty().addListener((o, old, index) -> revealColumn(index.intValue()));
        rebuildColumns();
    }

    /** A notice between the prompt and the responses: the full width, every line of it, never an ellipsis. */
    private static Label notice(String id) {
        Label notice = new Label();
        notice.setId(id);
        notice.getStyleClass().add("done-check");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return notice;
    }

    /**
     * Blind mode's state where the labeler looks: the question after one Ctrl+Shift+B, and, once the names show,
     * a standing notice that they do; nothing while blind.
     */
    private Label blindNotice() {
        Label notice = notice("blind-notice");
        String key = KeyBinding.TOGGLE_BLIND.displayText();
        notice.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                workspace.unblindPendingProperty().get() ? "Show the model names? They stay hidden in blind mode."
                        + "\n" + key + " again: show them for this session   ·   Esc: stay blind"
                        : "Model names are shown (blind mode is off until the app is restarted; " + key
                        + " hides them again).", workspace.unblindPendingProperty(), workspace.blindProperty()));
        notice.visibleProperty().bind(workspace.unblindPendingProperty().or(workspace.blindProperty().not()));
        notice.managedProperty().bind(notice.visibleProperty());
        return notice;
    }

    /**
     * What Ctrl+Enter would mark done despite, between the prompt and the responses where the eye is: shown only
     * while a "done anyway?" is pending, so it takes no room otherwise.
     */
    private Label doneCheck() {
        Label check = notice("done-check");
        check.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !workspace
                .doneCheckProperty().get().isEmpty(), workspace.doneCheckProperty()));
        check.managedProperty().bind(check.visibleProperty());
        check.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "Not done yet: "
                + String.join(" · ", workspace.doneCheckProperty().get()) + "\n"
                + (workspace.doneRequiresComplete() ? "This project marks a prompt done only when it is complete."
                + "   ·   Esc: go back to it" : KeyBinding.MARK_DONE.displayText()
                + " again: mark it done anyway   ·   Esc: go back to it"),
                workspace.doneCheckProperty()));
        return check;
    }

    /**
     * The queue's filters and list add to the first frame's styling and layout, and a labeller starts by reading
     * the prompt; so the first frame shows the prompt and responses, and the queue is built as soon as that frame
     * has been drawn (the pulse after it). A view taken off the screen before that stops waiting.
     */
    private void buildQueueAfterFirstFrame() {
        AfterFrame.withShown(this, this::queue);
    }

    private QueueView queue() {
        if (queueView == null) {
            queueView = new QueueView(workspace, this::requestFocus);
            queueSlot.getChildren().setAll(queueView);
        }
        return queueView;
    }

    /** Installs the labelling keys on {@code scene}; {@code general} opens the key sheet and the guide. */
    public void installKeys(Scene scene, java.util.function.Consumer<KeyBinding> general) {
        // A replaced project's view stays a filter on the scene until the scene goes; it must not act.
        KeyDispatcher.install(scene, KeyBindingCategory.labelling(), () -> getScene() != null, this::run,
                workspace::pressHotkey, general);
    }

    private boolean run(KeyBinding binding, boolean typing) {
        switch (binding) {
            case NEXT_PROMPT -> workspace.nextPrompt();
            case PREVIOUS_PROMPT -> workspace.previousPrompt();
            case NEXT_UNFINISHED -> workspace.nextUnfinished();
            case MARK_DONE -> workspace.toggleDone();
            case NEXT_COLUMN -> workspace.nextColumn(1);
            case PREVIOUS_COLUMN -> workspace.nextColumn(-1);
            case COLUMN_1, COLUMN_2, COLUMN_3, COLUMN_4, COLUMN_5, COLUMN_6 ->
                    workspace.selectColumn(binding.ordinal() - KeyBinding.COLUMN_1.ordinal());
            case SCROLL_DOWN, SCROLL_UP -> {
                int index = workspace.activeColumnProperty().get();
                if (index >= columnViews.size()) {
                    return false;
                }
                columnViews.get(index).scrollPage(binding == KeyBinding.SCROLL_DOWN ? 1 : -1);
            }
            case UNDO -> workspace.undo();
            case REDO -> workspace.redo();
            case EDIT_INTENT_NOTE -> promptPanel.focusIntentNote();
            case EDIT_RESPONSE_NOTE -> {
                int index = workspace.activeColumnProperty().get();
                if (index < columnViews.size()) {
                    columnViews.get(index).focusNote();
                }
            }
            case LEAVE_NOTE -> {
                if (!typing) {
                    return workspace.cancelDone() | workspace.cancelUnblind();
                }
                workspace.flushNotes();
                requestFocus();
            }
            case FIND -> queue().focusSearch();
            case TOGGLE_HIGHLIGHT -> workspace.highlightPhrasesProperty().set(!workspace.highlightPhrasesProperty().get());
            case TOGGLE_BLIND -> workspace.toggleBlind();
            case TOGGLE_FORMATTED -> workspace.formattedTextProperty().set(!workspace.formattedTextProperty().get());
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The share of each column's height its text gets (the rest holds the options and the note). */
    public DoubleProperty textShareProperty() {
        return textShare;
    }

    /**
     * Shows the workspace's columns, reusing the column views already built: a new prompt with as many responses
     * changes only their texts and states, so its frame needs no new controls to style.
     */
    private void rebuildColumns() {
        List<ResponseColumnViewModel> columns = workspace.columns();
        while (columnViews.size() > columns.size()) {
            columnViews.remove(columnViews.size() - 1);
        }
        for (int i = 0; i < columns.size(); i++) {
            if (i == columnViews.size()) {
                columnViews.add(new ResponseColumnView(workspace, i, textShare));
            }
            columnViews.get(i).show(columns.get(i));
        }
        if (!columnBox.getChildren().equals(columnViews)) {
            columnBox.getChildren().setAll(columnViews);
        }
        sizeColumns();
        columnScroll.setHvalue(0);
    }

    /** The switches for highlighting and formatting change the texts only. */
    private void showTexts() {
        columnViews.forEach(ResponseColumnView::showText);
    }

    private void sizeColumns() {
        double viewport = columnScroll.getViewportBounds().getWidth();
        int shown = Math.max(1, Math.min(VISIBLE_COLUMNS, columnViews.size()));
        // Whole pixels, rounded down: layout snaps each column's width up to the pixel grid, and three columns of
        // 441.3 px then overflow the viewport by a pixel or two and bring up a needless scroll bar.
        double width = Math.max(MIN_COLUMN_WIDTH,
                Math.floor((viewport - columnBox.getSpacing() * (shown - 1)) / shown));
        for (ResponseColumnView view : columnViews) {
            view.setPrefWidth(width);
            view.setMinWidth(width);
            view.setMaxWidth(width);
        }
    }

    private void revealColumn(int index) {
        if (index < 0 || index >= columnViews.size() || columnViews.size() <= 1) {
            return;
        }
        double content = columnBox.getWidth() - columnScroll.getViewportBounds().getWidth();
        if (content <= 0) {
            return;
        }
        ResponseColumnView view = columnViews.get(index);
        double left = view.getBoundsInParent().getMinX();
        double right = view.getBoundsInParent().getMaxX();
        double viewLeft = columnScroll.getHvalue() * content;
        double viewRight = viewLeft + columnScroll.getViewportBounds().getWidth();
        if (left < viewLeft) {
            columnScroll.setHvalue(left / content);
        } else if (right > viewRight) {
            columnScroll.setHvalue((right - columnScroll.getViewportBounds().getWidth()) / content);
        }
    }
}
