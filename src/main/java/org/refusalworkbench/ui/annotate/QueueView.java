package org.refusalworkbench.ui.annotate;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.refusalworkbench.domain.QueueEntry;
import org.refusalworkbench.domain.QueueFilter;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.ui.common.ShownAs;

/** The side queue: search, filters, the paged prompt list and my progress. */
final class QueueView extends VBox {

    private static final String ANY = "(any)";

    private final TextField search = new TextField();
    private final ListView<QueueEntry> list;
    private boolean following;
    /** A row chosen before its page was read, opened when it is; -1 for none. */
    private int pendingRow = -1;

    /** @param leaveSearch gives the focus back to the workspace, so option hotkeys act again */
    QueueView(AnnotationViewModel workspace, Runnable leaveSearch) {
        QueueViewModel queue = workspace.queue();
        getStyleClass().add("queue");

        search.setPromptText("Search prompts, ids, responses (Ctrl+F)");
        search.textProperty().bindBidirectional(queue.searchProperty());

        ComboBox<QueueFilter.Status> status = new ComboBox<>(FXCollections.observableArrayList(
                QueueFilter.Status.values()));
        status.valueProperty().bindBidirectional(queue.statusProperty());
        status.setConverter(ShownAs.text(value -> switch (value) {
            case ALL -> "All prompts";
            case NOT_DONE -> "Not done by me";
            case DONE -> "Done by me";
        }));
        ComboBox<String> model = optional(queue.models(), "All models");
        model.valueProperty().addListener((o, old, value) -> queue.modelProperty().set(ANY.equals(value) ? null : value));
        // The models' names are what blind mode hides: no filter by them while blind.
        model.disableProperty().bind(workspace.blindProperty());
        workspace.blindProperty().addListener((o, old, blindNow) -> {
            if (blindNow) {
                model.setValue(ANY);
            }
        });
        model.setTooltip(new Tooltip("Filter by model (not while blind: the names are hidden)"));
        ComboBox<String> category = optional(queue.categories(), "All categories");
        category.valueProperty().addListener((o, old, value) ->
                queue.categoryProperty().set(ANY.equals(value) ? null : value));
        ComboBox<String> safety = new ComboBox<>(FXCollections.observableArrayList(ANY, "safe", "unsafe", "unknown"));
        safety.setValue(ANY);
        safety.setConverter(ShownAs.text(value -> ANY.equals(value) ? "Any safety" : value));
        safety.setTooltip(new Tooltip("The prompt's safety label: safe, unsafe or unknown"));
        safety.valueProperty().addListener((o, old, value) -> queue.safetyProperty().set(
                ANY.equals(value) ? null : SafetyLabel.valueOf(value.toUpperCase(java.util.Locale.ROOT))));
        CheckBox flagged = new CheckBox("Flagged by a rule");
        flagged.selectedProperty().bindBidirectional(queue.flaggedOnlyProperty());

        GridPane filters = new GridPane();
        filters.setHgap(6);
        filters.setVgap(6);
        filters.addRow(0, status, safety);
        filters.addRow(1, model, category);
        filters.add(flagged, 0, 2, 2, 1);
        // Two equal columns: sized by their longest item, a long category list squeezed the status filter to
        // "All pro…".
        for (int column = 0; column < 2; column++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            filters.getColumnConstraints().add(half);
        }
        for (ComboBox<?> box : new ComboBox<?>[] {status, safety, model, category}) {
            box.setMaxWidth(Double.MAX_VALUE);
            box.setMinWidth(0);
            GridPane.setHgrow(box, Priority.ALWAYS);
            box.setFocusTraversable(false);
        }
        flagged.setFocusTraversable(false);

        list = new ListView<>(queue.entries());
        list.setId("prompt-queue");
        list.setFixedCellSize(48);
        list.setFocusTraversable(false);
        list.setCellFactory(view -> new EntryCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedIndexProperty().addListener((o, old, index) -> {
            if (following || index == null || index.intValue() < 0) {
                return;
            }
            openRow(workspace, index.intValue());
        });
        queue.currentIndexProperty().addListener((o, old, index) -> follow(index.intValue()));
        queue.entries().addListener((ListChangeListener<QueueEntry>) change -> {
            list.refresh();
            if (pendingRow >= 0) {
                openRow(workspace, pendingRow);
            }
        });

        Label count = new Label();
        count.textProperty().bind(Bindings.createStringBinding(() -> String.format("%,d prompts in queue",
                queue.sizeProperty().get()), queue.sizeProperty()));
        count.getStyleClass().add("muted");

        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() ->
                        workspace.totalCountProperty().get() == 0 ? 0
                                : (double) workspace.doneCountProperty().get() / workspace.totalCountProperty().get(),
                workspace.doneCountProperty(), workspace.totalCountProperty()));
        Label progressText = new Label();
        progressText.textProperty().bind(Bindings.createStringBinding(workspace::progressText,
                workspace.doneCountProperty(), workspace.totalCountProperty()));

        // From the search field: Return opens the first match and goes back to labelling; Down and Up step
        // through the matches, opening each, with the focus left in the field for the next step.
        search.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            int size = list.getItems().size();
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                if (size > 0) {
                    list.getSelectionModel().select(0);
                    leaveSearch.run();
                }
            } else if ((event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.UP) && size > 0) {
                event.consume();
                // From the prompt on screen: the match after (or before) it, the first when it is no match.
                int at = queue.currentIndexProperty().get();
                int next = at < 0 ? 0 : event.getCode() == KeyCode.DOWN ? Math.min(size - 1, at + 1)
                        : Math.max(0, at - 1);
                list.getSelectionModel().select(next);
                list.scrollTo(Math.max(0, next - 3));
            }
        });

        getChildren().addAll(search, filters, count, list, progressText, progress);
        setSpacing(6);
        setMinWidth(220);
        follow(queue.currentIndexProperty().get());   // the prompt on screen may be open before the queue is built
    }

    /** Opens the prompt of a chosen row; a row whose page is still being read opens when it arrives. */
    private void openRow(AnnotationViewModel workspace, int index) {
        QueueEntry entry = index < list.getItems().size() ? list.getItems().get(index) : null;
        if (entry == null) {
            pendingRow = index < list.getItems().size() ? index : -1;
            return;
        }
        pendingRow = -1;
        if (workspace.promptProperty().get() == null || workspace.promptProperty().get().id() != entry.promptId()) {
            workspace.open(entry.promptId());
        }
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void follow(int index) {
        following = true;
        try {
            if (index < 0) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(index);
                list.scrollTo(Math.max(0, index - 3));
            }
        } finally {
            following = false;
        }
    }

    private static ComboBox<String> optional(ObservableList<String> values, String anyText) {
        ObservableList<String> items = FXCollections.observableArrayList(ANY);
        values.addListener((ListChangeListener<String>) change -> {
            items.remove(1, items.size());
            items.addAll(values);
        });
        items.addAll(values);
        ComboBox<String> box = new ComboBox<>(items);
        box.setValue(ANY);
        box.setConverter(ShownAs.text(value -> ANY.equals(value) ? anyText : value));
        return box;
    }

    /** ✓ done, ● every response labelled, ◐ some (with how many), ○ none yet. */
    static String mark(QueueEntry entry) {
        return switch (entry.state()) {
            case DONE -> "✓ ";
            case LABELLED -> "● ";
            case PARTLY_LABELLED -> "◐ " + entry.labelled() + "/" + entry.responses() + " ";
            case UNTOUCHED -> "○ ";
        };
    }

    private static final class EntryCell extends ListCell<QueueEntry> {
        EntryCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(QueueEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeAll("done", "flagged");
            if (empty) {
                setText(null);
            } else if (entry == null) {
                setText("…");
            } else {
                String id = entry.externalId() != null ? entry.externalId() : "#" + entry.promptId();
                setText(mark(entry) + id + "  ·  " + (entry.category() == null ? "" : entry.category())
                        + (entry.flagged() ? "  ⚠ rule" : "") + "\n" + entry.preview().replace('\n', ' '));
                if (entry.done()) {
                    getStyleClass().add("done");
                }
                if (entry.flagged()) {
                    getStyleClass().add("flagged");
                }
            }
        }
    }
}
