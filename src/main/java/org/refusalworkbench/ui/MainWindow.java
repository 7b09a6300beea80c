package org.refusalworkbench.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.refusalworkbench.AppContext;
import org.refusalworkbench.ui.annotate.AnnotationView;
import org.refusalworkbench.ui.annotate.AnnotationViewModel;
import org.refusalworkbench.ui.annotate.SaveState;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.ui.common.BindingTable;
import org.refusalworkbench.ui.common.DialogService;
import org.refusalworkbench.ui.common.FxDialogService;
import org.refusalworkbench.ui.common.FxExecutor;
import org.refusalworkbench.ui.common.HelpSheet;
import org.refusalworkbench.ui.common.KeyBinding;
import org.refusalworkbench.ui.common.TaxonomyGuide;
import org.refusalworkbench.ui.common.TextSize;
import org.refusalworkbench.ui.common.UiSetting;
import org.refusalworkbench.ui.common.UiSettings;
import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.ui.review.ReviewWorkspace;

/**
 * The main window: menus, the labelling or review view of the open project, and a status bar showing whether
 * everything is saved. Remembers its size, position and queue width. What is open, and in which mode, is
 * {@link ProjectSessionViewModel}'s; this class shows it.
 */
public final class MainWindow {

    private final AppContext context;
    private final UiSettings settings;
    private final FxExecutor executor;
    private final DialogService dialogs;
    private final ProjectSessionViewModel session;
    private final Stage stage;
    private final WindowGeometry geometry;
    private final MainMenus menus;
    private final TaxonomyGuide guide = new TaxonomyGuide();
    private static final double STATUS_BAR_HEIGHT = 28;
    private static final double SAVE_LABEL_WIDTH = 190;
    private final BorderPane root = new BorderPane();
    private final Label placeholder = new Label();
    private final Label saveLabel = new Label();
    private final Label statusLabel = new Label();
    private final Label keysHint = new Label();
    private TextSize textSize;
    /** The columns' text share, kept across the projects opened in this window and saved on closing. */
    private final javafx.beans.property.DoubleProperty textShare = new javafx.beans.property.SimpleDoubleProperty();
    private AnnotationView view;
    private ReviewWorkspace review;

    public MainWindow(AppContext context, UiSettings settings, FxExecutor executor, Stage stage) {
        this.context = context;
        this.settings = settings;
        this.executor = executor;
        this.stage = stage;
        this.dialogs = new FxDialogService(stage);
        this.session = new ProjectSessionViewModel(context, settings, executor, dialogs, ProjectSession.CHECK_DELAY,
                new ProjectSessionViewModel.Screen() {
                    @Override
                    public void showLabelling(AnnotationViewModel workspace, boolean readOnly) {
                        MainWindow.this.showLabelling(workspace, readOnly);
                    }

                    @Override
                    public ProjectSessionViewModel.PendingSaves showReview(ReviewService service) {
                        return MainWindow.this.showReview(service);
                    }
                });
        geometry = new WindowGeometry(settings);
        menus = new MainMenus(menuActions(), settings);
        textSize = settings.get(UiSetting.TEXT_SIZE);
        textShare.set(settings.get(UiSetting.TEXT_SHARE));
        textSize.applyTo(root);
        root.setTop(menus.bar());
        root.setBottom(statusBar());
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(session.placeholderProperty());
        root.setCenter(placeholder);
        session.placeholderProperty().addListener((o, old, text) -> {
            if (text != null) {
                root.setCenter(placeholder);
            }
        });
        session.recentProjects().addListener((javafx.collections.ListChangeListener<Path>) change ->
                menus.refreshRecent(session.recentProjects()));
        Scene scene = geometry.scene(root);
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(session.titleProperty());
        geometry.restore(stage);
        stage.setOnCloseRequest(event -> saveBeforeClosing());
    }

    public Stage stage() {
        return stage;
    }

    /** The workspace of the open project, or null while none is open (for tests and scripted use). */
    public AnnotationViewModel workspace() {
        return session.labelling();
    }

    /** Review mode of the open project, or null when labelling (for tests and scripted use). */
    /** The labelling view on screen; null in review or before a project is open. */
    public AnnotationView annotationView() {
        return view;
    }

    public ReviewWorkspace review() {
        return review;
    }

    /** Opens {@code file} in the mode chosen at start (labelling unless review was asked for). */
    public void open(Path file, String name) {
        session.open(file, name);
    }

    /** Opens {@code file} (the demo when null) for {@code name}, for labelling or review. */
    public void open(Path file, String name, boolean asReviewer) {
        session.open(file, name, asReviewer);
    }

    /** How long typing in a note must pause before it is written on its own; tests lengthen it. */
    void setNoteDebounce(java.time.Duration debounce) {
        session.setNoteDebounce(debounce);
    }

    /** Shows a project whose opening began before the window existed (see {@link WorkbenchApp#start(String[])}). */
    void open(CompletableFuture<ProjectSession.Opened<OpenedForLabelling>> opening, Path file, String name) {
        session.open(opening, file, name);
    }

    private ProjectSessionViewModel.PendingSaves showReview(ReviewService service) {
        view = null;
        review = new ReviewWorkspace(service, executor, context.agreementMeasures());
        review.installKeys(stage.getScene(), this::showSheet);
        menus.showReview();
        root.setCenter(review);
        saveLabel.textProperty().unbind();
        saveLabel.setText("");
        statusLabel.textProperty().bind(review.review().statusProperty());
        keysHint.setText("F1 or ? for all keys  ·  M: accept majority  ·  Ctrl+Enter: save gold  ·  PgDn/PgUp:"
                + " responses  ·  Ctrl+1/2/3/4: review, agreement, calibration, judges");
        review.start();
        return review.review()::flush;
    }

    private void showLabelling(AnnotationViewModel workspace, boolean readOnly) {
        review = null;
        keysHint.setText("F1 or ? for all keys  ·  Tab: next column  ·  PgDn/PgUp: prompts  ·  Ctrl+Enter: done");
        view = new AnnotationView(workspace);
        view.installKeys(stage.getScene(), this::showSheet);
        view.setDividerPositions(settings.get(UiSetting.QUEUE_DIVIDER));
        view.textShareProperty().set(textShare.get());
        view.textShareProperty().addListener((o, old, share) -> textShare.set(share.doubleValue()));
        root.setCenter(view);
        menus.showLabelling(workspace);
        // On a read-only project nothing is ever saved: the bar must not claim "All changes saved".
        saveLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            SaveState state = workspace.saveStateProperty().get();
            if (readOnly && state == SaveState.SAVED) {
                return "Read-only: nothing here can be saved";
            }
            return state == SaveState.FAILED ? "⚠ " + state.text() + ": " + workspace.saveProblemProperty().get()
                    : (state == SaveState.SAVED ? "✓ " : "… ") + state.text();
        }, workspace.saveStateProperty(), workspace.saveProblemProperty()));
        saveLabel.idProperty().set("save-state");
        workspace.saveStateProperty().addListener((o, old, state) -> {
            saveLabel.getStyleClass().removeAll("saved", "saving", "failed");
            saveLabel.getStyleClass().add(state.name().toLowerCase(java.util.Locale.ROOT));
        });
        saveLabel.getStyleClass().add("saved");
        StartupTiming.reportFirstPrompt(workspace);
        statusLabel.textProperty().bind(workspace.statusProperty());
        view.requestFocus();
    }

    private MainMenus.Actions menuActions() {
        ProjectFileActions projectFiles = new ProjectFileActions(context, executor, dialogs, session);
        LabelFileActions labelFiles = new LabelFileActions(context, executor, dialogs,
                session::reopen);
        return new MainMenus.Actions() {
            @Override
            public void newProject() {
                projectFiles.newProject();
            }

            @Override
            public void openProject() {
                projectFiles.openProject();
            }

            @Override
            public void openDemo() {
                projectFiles.openDemo();
            }

            @Override
            public void openRecent(Path project) {
                projectFiles.openRecent(project);
            }

            @Override
            public void importResponses() {
                projectFiles.importResponses();
            }

            @Override
            public void importWithMapping() {
                projectFiles.importWithMapping();
            }

            @Override
            public void exportLabels() {
                labelFiles.export();
            }

            @Override
            public void mergeLabelFiles() {
                labelFiles.merge();
            }

            @Override
            public void quit() {
                saveBeforeClosing();
                stage.close();
            }

            @Override
            public void resizeText(UnaryOperator<TextSize> change) {
                setTextSize(change.apply(textSize));
            }

            @Override
            public void showHelp() {
                MainWindow.this.showHelp();
            }

            @Override
            public void showGuide() {
                MainWindow.this.showGuide();
            }

            @Override
            public void onLabelling(Consumer<AnnotationViewModel> action) {
                if (session.labelling() != null) {
                    action.accept(session.labelling());
                }
            }
        };
    }

    /** Sets how large prompts and responses are shown, in both modes, and remembers it. */
    public void setTextSize(TextSize size) {
        textSize = size;
        size.applyTo(root);
        settings.set(UiSetting.TEXT_SIZE, size);
    }

    public TextSize textSize() {
        return textSize;
    }

    private Region statusBar() {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        keysHint.getStyleClass().add("muted");
        HBox bar = new HBox(16, saveLabel, statusLabel, grow, keysHint);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        // A fixed height and a save label of fixed width: "… Saving" and "✓ All changes saved" differ in width
        // and their symbols in line height, and every tick switches between them; a status bar that grew or shrank
        // by a pixel laid out and redrew the whole window above it.
        bar.setMinHeight(STATUS_BAR_HEIGHT);
        bar.setPrefHeight(STATUS_BAR_HEIGHT);
        bar.setMaxHeight(STATUS_BAR_HEIGHT);
        saveLabel.setMinWidth(SAVE_LABEL_WIDTH);
        saveLabel.setPrefWidth(SAVE_LABEL_WIDTH);
        return bar;
    }

    private void showSheet(KeyBinding binding) {
        if (binding == KeyBinding.SHOW_GUIDE) {
            showGuide();
        } else {
            showHelp();
        }
    }

    /** Opens or closes the guide to the taxonomy of the project on screen. */
    private void showGuide() {
        Taxonomy taxonomy = review != null ? review.review().taxonomy()
                : session.labelling() != null ? session.labelling().taxonomy() : null;
        if (taxonomy != null) {
            guide.toggle(stage, taxonomy);
        }
    }

    private void showHelp() {
        if (review != null) {
            HelpSheet.show(stage, BindingTable.forReview(review.review().taxonomy()));
        } else if (session.labelling() != null) {
            HelpSheet.show(stage, BindingTable.forLabelling(session.labelling().taxonomy()));
        }
    }

    /** Writes pending notes and waits for the writer, so closing loses nothing shown as saved. */
    public void saveBeforeClosing() {
        session.flushPendingSaves();
        geometry.remember(stage);
        if (view != null && !view.getDividers().isEmpty()) {
            settings.set(UiSetting.QUEUE_DIVIDER, view.getDividerPositions()[0]);
        }
        settings.set(UiSetting.TEXT_SHARE, textShare.get());
    }
}
