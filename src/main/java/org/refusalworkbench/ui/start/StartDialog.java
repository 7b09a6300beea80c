package org.refusalworkbench.ui.start;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** First screen: who is labelling (remembered) and which project: the demo, a recent one, or another file. */
public final class StartDialog {

    /** The choice made; {@code project} null means the demo project; {@code review} opens review mode. */
    public record Choice(String annotator, Path project, boolean review) {
    }

    private static final String DEMO = "Demo project (21 prompts, 3 models, 3 annotators)";
    private static final String OTHER = "Open another project file…";

    private StartDialog() {
    }

    /** Reads a project's annotators off the UI thread and hands them to {@code names} on it. */
    @FunctionalInterface
    public interface AnnotatorLookup {
        void annotatorsOf(Path project, java.util.function.Consumer<List<String>> names);

        AnnotatorLookup NONE = (project, names) -> { };
    }

    public static Optional<Choice> show(Window owner, List<String> knownAnnotators, String lastAnnotator,
                                        List<Path> recent, boolean reviewAsked) {
        return show(owner, knownAnnotators, lastAnnotator, recent, reviewAsked, null, null, AnnotatorLookup.NONE);
    }

    /**
     * @param given the project named on the command line, listed first and chosen; null for none
     * @param demo  where the demo project's file is: it is listed once, as the demo, not again among the recent
     */
    public static Optional<Choice> show(Window owner, List<String> knownAnnotators, String lastAnnotator,
                                        List<Path> recent, boolean reviewAsked, Path given, Path demo) {
        return show(owner, knownAnnotators, lastAnnotator, recent, reviewAsked, given, demo, AnnotatorLookup.NONE);
    }

    /**
     * @param lookup reads the annotators of the project chosen in the list, which the name list then offers after
     *               the names this workstation has used: on a first start there are no such names yet
     */
    public static Optional<Choice> show(Window owner, List<String> knownAnnotators, String lastAnnotator,
                                        List<Path> recent, boolean reviewAsked, Path given, Path demo,
                                        AnnotatorLookup lookup) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Refusal Workbench");
        dialog.setHeaderText("Who are you, which project, and what do you want to do?");
        ComboBox<String> annotator = new ComboBox<>(FXCollections.observableArrayList(knownAnnotators));
        annotator.setEditable(true);
        annotator.setPromptText("Your annotator name (new names are created)");
        annotator.getEditor().setText(lastAnnotator);
        annotator.setMaxWidth(Double.MAX_VALUE);
        ListView<String> projects = new ListView<>();
        projects.getItems().add(DEMO);
        List<Path> listed = new java.util.ArrayList<>();
        if (given != null) {
            listed.add(given.toAbsolutePath().normalize());
        }
        for (Path path : recent) {
            Path normal = path.toAbsolutePath().normalize();
            if (!listed.contains(normal) && (demo == null || !normal.equals(demo.toAbsolutePath().normalize()))) {
                listed.add(normal);
            }
        }
        listed.forEach(path -> projects.getItems().add(path.toString()));
        projects.getItems().add(OTHER);
        projects.getSelectionModel().select(listed.isEmpty() ? 0 : 1);
        projects.setPrefHeight(200);
        projects.setId("start-projects");
        projects.setCellFactory(list -> new ProjectCell());
        projects.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> offerAnnotatorsOf(
                item, demo, lookup, knownAnnotators, annotator));
        offerAnnotatorsOf(projects.getSelectionModel().getSelectedItem(), demo, lookup, knownAnnotators, annotator);
        ToggleGroup modes = new ToggleGroup();
        RadioButton label = new RadioButton("Label responses");
        RadioButton review = new RadioButton("Review: adjudicate and see the reports");
        label.setToggleGroup(modes);
        review.setToggleGroup(modes);
        (reviewAsked ? review : label).setSelected(true);
        VBox content = new VBox(8, new Label("Annotator or reviewer"), annotator, new Label("Project"), projects,
                new HBox(16, label, review));
        content.setPadding(new Insets(10));
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        ButtonType start = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        Button startButton = (Button) dialog.getDialogPane().lookupButton(start);
        startButton.disableProperty().bind(annotator.getEditor().textProperty().isEmpty());
        Label hint = new Label("");
        hint.setId("start-hint");
        hint.getStyleClass().add("muted");
        content.getChildren().add(hint);
        // Return starts once a name is there, wherever the focus is; without a name it says so and never falls
        // through to Cancel, which quits the app.
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() != KeyCode.ENTER) {
                return;
            }
            event.consume();
            if (annotator.getEditor().getText().isBlank()) {
                hint.setText("Type your annotator name first, then press Return to start.");
                annotator.requestFocus();
            } else {
                startButton.fire();
            }
        });
        // The name is what a new labeler types first: the field has the focus, with any remembered name selected.
        dialog.setOnShown(event -> Platform.runLater(() -> {
            annotator.requestFocus();
            annotator.getEditor().selectAll();
        }));
        projects.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && !startButton.isDisabled()) {
                startButton.fire();
            }
        });
        dialog.setResultConverter(button -> {
            if (button != start) {
                return null;
            }
            String name = annotator.getEditor().getText().strip();
            String selected = projects.getSelectionModel().getSelectedItem();
            if (selected == null || DEMO.equals(selected)) {
                return new Choice(name, null, review.isSelected());
            }
            if (OTHER.equals(selected)) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Open project");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Projects", "*.db", "*.rwb", "*"));
                java.io.File file = chooser.showOpenDialog(owner);
                return file == null ? null : new Choice(name, file.toPath(), review.isSelected());
            }
            return new Choice(name, Path.of(selected), review.isSelected());
        });
        return dialog.showAndWait();
    }

    /** The names used here first, then the chosen project's other annotators; what was typed stays. */
    private static void offerAnnotatorsOf(String item, Path demo, AnnotatorLookup lookup, List<String> known,
                                          ComboBox<String> annotator) {
        Path project = item == null || OTHER.equals(item) ? null : DEMO.equals(item) ? demo : Path.of(item);
        if (project == null) {
            return;
        }
        lookup.annotatorsOf(project, names -> {
            List<String> offered = new java.util.ArrayList<>(known);
            names.stream().filter(name -> !offered.contains(name)).forEach(offered::add);
            String typed = annotator.getEditor().getText();
            annotator.getItems().setAll(offered);
            annotator.getEditor().setText(typed);
        });
    }

    /** A recent project as its file name first, then its folder: long paths hid the name at the end. */
    private static final class ProjectCell extends ListCell<String> {
        private final Label name = new Label();
        private final Label folder = new Label();
        private final HBox line = new HBox(10, name, folder);

        ProjectCell() {
            name.setStyle("-fx-font-weight: bold;");
            folder.setStyle("-fx-text-fill: #5d6673;");
            folder.setMinWidth(0);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean path = !empty && item != null && !DEMO.equals(item) && !OTHER.equals(item);
            setText(path || empty ? null : item);
            setGraphic(path ? line : null);
            setTooltip(path ? new Tooltip(item) : null);
            if (path) {
                Path file = Path.of(item);
                name.setText(String.valueOf(file.getFileName()));
                folder.setText(file.getParent() == null ? "" : file.getParent().toString());
            }
        }
    }
}
