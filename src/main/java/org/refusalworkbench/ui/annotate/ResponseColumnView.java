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

/**
 * One response column: title, the text or transcript (scrolling), the taxonomy, rule flags and the note. A column
 * is built once per position and shows one response after another ({@link #show}): building five columns' worth of
 * controls and styling them took most of the time between PgDn and the next prompt on screen, while the controls
 * themselves are the same for every prompt.
 */
final class ResponseColumnView extends VBox {

    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    /** What one scroll key moves, as a share of the visible text. */
    private static final double PAGE_SHARE = 0.85;
    private static final double TEXT_MIN_HEIGHT = 90;
    private static final double OPTIONS_MIN_HEIGHT = 60;
    /** A divider move smaller than this (a tenth of a pixel on a 1000-pixel column) is layout's, not the user's. */
    private static final double SHARE_TOLERANCE = 1e-4;

    private final AnnotationViewModel workspace;
    private final Label title = new Label();
    private final Label turns = new Label();
    private final VBox content = new VBox(8);
    private final ScrollPane scroll = new ScrollPane(content);
    private final TaxonomyControls taxonomy;
    private final VBox flags = new VBox(2);
    private final TextArea note = new TextArea();
    /** Held here so the weak listener on the workspace lives exactly as long as this column. */
    private final InvalidationListener activeListener;
    /** Follow the response shown; moved from one response's properties to the next by {@link #show}. */
    private final InvalidationListener selectionsListener = observable -> showSelections();
    private final InvalidationListener violationsListener = observable -> showFlags();
    private ResponseColumnViewModel model;
    /** Held here so the weak listener on the shared share lives exactly as long as this column. */
    private javafx.beans.value.ChangeListener<Number> shareListener;

    /**
     * @param textShare the share of the column's height given to the text, the same property for every column so
     *                  that dragging one divider moves them all and the option rows stay in line
     */
    ResponseColumnView(AnnotationViewModel workspace, int position, DoubleProperty textShare) {
        this.workspace = workspace;
        getStyleClass().add("response-column");
        setId("column-" + position);

        title.getStyleClass().add("column-title");
        Label key = new Label(position < 6 ? "Ctrl+" + (position + 1) : "");
        key.getStyleClass().add("hotkey");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        turns.getStyleClass().add("tag");
        HBox header = new HBox(8, title, turns, grow, key);
        header.getStyleClass().add("column-header");

        content.getStyleClass().add("response-content");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("response-scroll");
        scroll.setFocusTraversable(false);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        taxonomy = new TaxonomyControls(workspace.taxonomy().groups(GroupLevel.RESPONSE),
                (group, option) -> workspace.toggle(model, group, option));
        flags.getStyleClass().add("flags");

        note.setPromptText("Optional note on this response (Ctrl+E)");
        note.setWrapText(true);
        note.setPrefRowCount(2);
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
        shareDivider(split.getDividers().get(0), textShare);
        VBox.setVgrow(split, Priority.ALWAYS);

        getChildren().addAll(header, split);
        setPadding(new Insets(8));
        setSpacing(6);

        activeListener = observable -> pseudoClassStateChanged(ACTIVE, model != null
                && workspace.activeColumnProperty().get() == workspace.columns().indexOf(model));
        workspace.activeColumnProperty().addListener(new WeakInvalidationListener(activeListener));
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED,
                event -> workspace.selectColumn(workspace.columns().indexOf(model)));
    }

    /**
     * Keeps the divider and the shared share together, but only for real moves. A split pane nudges its divider by
     * a fraction of a pixel when it lays itself out; bound both ways, one column's nudge re-laid and redrew every
     * other column, which made an option's tick on screen take twice as long.
     */
    private void shareDivider(SplitPane.Divider divider, DoubleProperty share) {
        divider.setPosition(share.get());
        divider.positionProperty().addListener((o, old, position) -> {
            if (Math.abs(position.doubleValue() - share.get()) > SHARE_TOLERANCE) {
                share.set(position.doubleValue());
            }
        });
        shareListener = (o, old, value) -> {
            if (Math.abs(value.doubleValue() - divider.getPosition()) > SHARE_TOLERANCE) {
                divider.setPosition(value.doubleValue());
            }
        };
        share.addListener(new javafx.beans.value.WeakChangeListener<>(shareListener));
    }

    /** Shows {@code shown} in this column, leaving the response it showed before, its note saved as it was. */
    void show(ResponseColumnViewModel shown) {
        if (model != null) {
            title.textProperty().unbind();
            note.textProperty().unbindBidirectional(model.noteProperty());
            model.selectionsProperty().removeListener(selectionsListener);
            model.flagsProperty().removeListener(selectionsListener);
            model.violationsProperty().removeListener(violationsListener);
        }
        model = shown;
        title.textProperty().bind(shown.titleProperty());
        turns.setText(shown.response().isMultiTurn() ? "multi-turn" : "");
        note.textProperty().bindBidirectional(shown.noteProperty());
        shown.selectionsProperty().addListener(selectionsListener);
        shown.flagsProperty().addListener(selectionsListener);
        shown.violationsProperty().addListener(violationsListener);
        showText();
        showSelections();
        showFlags();
        activeListener.invalidated(null);
    }

    /** Lays out the response's text again, as the highlighting and formatting switches now say. */
    void showText() {
        boolean highlight = workspace.highlightPhrasesProperty().get();
        boolean formatted = workspace.formattedTextProperty().get();
        if (model.response().transcript().isEmpty()) {
            content.getChildren().setAll(ResponseTextView.of(model.response().text(), highlight, formatted));
        } else {
            content.getChildren().clear();
            for (Turn turn : model.response().transcript()) {
                Label role = new Label(turn.role().toUpperCase(java.util.Locale.ROOT));
                role.getStyleClass().addAll("role", turn.isUser() ? "role-user" : "role-assistant");
                VBox bubble = new VBox(2, role, ResponseTextView.of(turn.content(), highlight && !turn.isUser(),
                        formatted));
                bubble.getStyleClass().addAll("turn", turn.isUser() ? "turn-user" : "turn-assistant");
                content.getChildren().add(bubble);
            }
        }
        scroll.setVvalue(0);
    }

    private void showSelections() {
        taxonomy.show(model.selectionsProperty().get(), model.flagsProperty().get());
    }

    private void showFlags() {
        java.util.List<String> messages = model.violationsProperty().get().stream().map(RuleViolation::message)
                .distinct().map(message -> "⚠ " + message).toList();
        if (messages.equals(flags.getChildren().stream().map(label -> ((Label) label).getText()).toList())) {
            return;             // unchanged: no new layout of the text above the options, no redraw of it
        }
        flags.getChildren().setAll(messages.stream().map(message -> {
                    Label label = new Label(message);
                    label.setWrapText(true);
                    // Whole, never cut to one line: the response text above gives up the height instead.
                    label.setMinHeight(Region.USE_PREF_SIZE);
                    label.getStyleClass().add("flag");
                    return label;
                }).toList());
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

    void focusNote() {
        note.requestFocus();
    }

    ResponseColumnViewModel model() {
        return model;
    }
}
