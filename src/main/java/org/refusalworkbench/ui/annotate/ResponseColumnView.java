package org.refusalworkbench.ui.annotate;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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

    private final TextArea note = new TextArea();
    /** Held here so the weak listener on the workspace lives exactly as long as this column. */
    private final InvalidationListener activeListener;

    ResponseColumnView(ResponseColumnViewModel model, AnnotationViewModel workspace, int position) {
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
        if (model.response().transcript().isEmpty()) {
            content.getChildren().add(ResponseTextView.of(model.response().text(), highlight));
        } else {
            for (Turn turn : model.response().transcript()) {
                Label role = new Label(turn.role().toUpperCase(java.util.Locale.ROOT));
                role.getStyleClass().addAll("role", turn.isUser() ? "role-user" : "role-assistant");
                VBox bubble = new VBox(2, role, ResponseTextView.of(turn.content(), highlight && !turn.isUser()));
                bubble.getStyleClass().addAll("turn", turn.isUser() ? "turn-user" : "turn-assistant");
                content.getChildren().add(bubble);
            }
        }
        ScrollPane scroll = new ScrollPane(content);
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

        getChildren().addAll(header, scroll, taxonomy, flags, note);
        setPadding(new Insets(8));
        setSpacing(6);

        activeListener = observable -> pseudoClassStateChanged(ACTIVE,
                workspace.activeColumnProperty().get() == workspace.columns().indexOf(model));
        workspace.activeColumnProperty().addListener(new WeakInvalidationListener(activeListener));
        activeListener.invalidated(null);
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED,
                event -> workspace.selectColumn(workspace.columns().indexOf(model)));
    }

    void focusNote() {
        note.requestFocus();
    }

    ResponseColumnViewModel model() {
        return model;
    }
}
