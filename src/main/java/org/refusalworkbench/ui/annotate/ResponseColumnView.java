package org.refusalworkbench.ui.annotate;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.refusalworkbench.domain.Turn;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.RuleViolation;

/** One response column: title, the text or transcript (scrolling), the taxonomy, rule flags and the note. */
final class ResponseColumnView extends VBox {

    private final ResponseColumnViewModel model;
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    /** What one scroll key moves, as a share of the visible text. */
    private static final double PAGE_SHARE = 0.85;
    private static final double TEXT_MIN_HEIGHT = 90;
    private static final double OPTIONS_MIN_HEIGHT = 60;

    private final TextArea note = new TextArea();
    private final ScrollPane scroll;
    /** Held here so the weak listener on the workspace lives exactly as long as this column. */
    private final InvalidationListener activeListener;

    /**
     * @param textShare the share of the column's height given to the text, the same property for every column so
     *                  that dragging one divider moves them all and the option rows stay in line
     */
    ResponseColumnView(ResponseColumnViewModel model, AnnotationViewModel workspace, int position,
                       DoubleProperty textShare) {
        this.model = model;
        getStyleClass().add("response-column");
        setId("column-" + position);

        Label title = new Label();
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add("column-title");
        Label key = new Label(position < 6 ? "Ctrl+" + (position + 1) : "");
        key.getStyleClass().add("hotkey");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label turns = new Label(model.response().isMultiTurn() ? "multi-turn" : "");
        turns.getStyleClass().add("tag");
        HBox header = new HBox(8, title, turns, grow, key);
        header.getStyleClass().add("column-header");

        VBox content = new VBox(8);
        content.getStyleClass().add("response-content");
        boolean highlight = workspace.highlightPhrasesProperty().get();
        boolean formatted = workspace.formattedTextProperty().get();
        if (model.response().transcript().isEmpty()) {
            content.getChildren().add(ResponseTextView.of(model.response().text(), highlight, formatted));
        } else {
            for (Turn turn : model.response().transcript()) {
                Label role = new Label(turn.role().toUpperCase(java.util.Locale.ROOT));
                role.getStyleClass().addAll("role", turn.isUser() ? "role-user" : "role-assistant");
                VBox bubble = new VBox(2, role, ResponseTextView.of(turn.content(), highlight && !turn.isUser(), formatted));
                bubble.getStyleClass().addAll("turn", turn.isUser() ? "turn-user" : "turn-assistant");
                content.getChildren().add(bubble);
            }
        }
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("response-scroll");
        scroll.setFocusTraversable(false);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        TaxonomyControls taxonomy = new TaxonomyControls(workspace.taxonomy().groups(GroupLevel.RESPONSE),
                (group, option) -> workspace.toggle(model, group, option));
        taxonomy.bind(model.selectionsProperty(), model.flagsProperty());

        VBox flags = new VBox(2);
        flags.getStyleClass().add("flags");
        Runnable showFlags = () -> flags.getChildren().setAll(model.violationsProperty().get().stream()
                .map(RuleViolation::message).distinct().map(message -> {
                    Label label = new Label("⚠ " + message);
                    label.setWrapText(true);
                    // Whole, never cut to one line: the response text above gives up the height instead.
                    label.setMinHeight(Region.USE_PREF_SIZE);
                    label.getStyleClass().add("flag");
                    return label;
                }).toList());
        model.violationsProperty().addListener(observable -> showFlags.run());
        showFlags.run();

        note.setPromptText("Optional note on this response (Ctrl+E)");
        note.setWrapText(true);
        note.setPrefRowCount(2);
        note.textProperty().bindBidirectional(model.noteProperty());
        note.getStyleClass().add("note");
        note.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                workspace.flushNotes();   // leaving the note (or the window) saves it now, not after the pause
            }
        });

        // Rule messages stand above the text, not between the text and the options: every column's options then
        // start at the same height, so a flag in one column never moves its buttons out of line with the others.
        VBox text = new VBox(6, flags, scroll);
        text.setMinHeight(TEXT_MIN_HEIGHT);
        VBox options = new VBox(6, taxonomy, note);
        options.getStyleClass().add("column-options");
        ScrollPane optionScroll = new ScrollPane(options);
        optionScroll.setFitToWidth(true);
        // The options wrap to the column's width; they never scroll sideways (a note's preferred width of 40
        // characters made them, and cut the right-hand buttons off behind a scroll bar).
        options.setMinWidth(0);
        optionScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        optionScroll.setFocusTraversable(false);
        optionScroll.getStyleClass().add("options-scroll");
        optionScroll.setMinHeight(OPTIONS_MIN_HEIGHT);
        SplitPane split = new SplitPane(text, optionScroll);
        split.setOrientation(Orientation.VERTICAL);
        split.getStyleClass().add("text-options-split");
        split.getDividers().get(0).positionProperty().bindBidirectional(textShare);
        VBox.setVgrow(split, Priority.ALWAYS);

        getChildren().addAll(header, split);
        setPadding(new Insets(8));
        setSpacing(6);

        activeListener = observable -> pseudoClassStateChanged(ACTIVE,
                workspace.activeColumnProperty().get() == workspace.columns().indexOf(model));
        workspace.activeColumnProperty().addListener(new WeakInvalidationListener(activeListener));
        activeListener.invalidated(null);
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED,
                event -> workspace.selectColumn(workspace.columns().indexOf(model)));
    }

    /**
     * Scrolls the text by most of a screen ({@code direction} 1 down, -1 up), keeping a few lines of the last
     * screen in view so the reader does not lose their place.
     */
    void scrollPage(int direction) {
        double viewport = scroll.getViewportBounds().getHeight();
        double hidden = scroll.getContent().getLayoutBounds().getHeight() - viewport;
        if (hidden <= 0) {
            return;
        }
        double step = viewport * PAGE_SHARE / hidden;
        scroll.setVvalue(Math.max(0, Math.min(1, scroll.getVvalue() + direction * step)));
    }

    double scrollPosition() {
        return scroll.getVvalue();
    }

    void focusNote() {
        note.requestFocus();
    }

    ResponseColumnViewModel model() {
        return model;
    }
}
