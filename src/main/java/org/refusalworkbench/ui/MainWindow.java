package org.refusalworkbench.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import org.refusalworkbench.AppInfo;
import org.refusalworkbench.importing.ImportException;
import org.refusalworkbench.importing.ImportSummary;
import org.refusalworkbench.importing.ResponseImporter;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.Backups;
import org.refusalworkbench.storage.DamagedProjectException;
import org.refusalworkbench.storage.ProjectHealth;
import org.refusalworkbench.ui.annotate.AnnotationService;
import org.refusalworkbench.ui.annotate.AnnotationView;
import org.refusalworkbench.ui.annotate.AnnotationViewModel;
import org.refusalworkbench.ui.annotate.SaveState;
import org.refusalworkbench.ui.common.BindingTable;
import org.refusalworkbench.ui.common.DialogService;
import org.refusalworkbench.ui.common.FxDialogService;
import org.refusalworkbench.ui.common.FxExecutor;
import org.refusalworkbench.ui.common.HelpSheet;
import org.refusalworkbench.ui.common.TextSize;
import org.refusalworkbench.ui.common.UiSetting;
import org.refusalworkbench.ui.common.UiSettings;
import org.refusalworkbench.ui.review.ReviewKey;
import org.refusalworkbench.ui.review.ReviewService;
import org.refusalworkbench.ui.review.ReviewWorkspace;

/**
 * The main window: menus, the labelling view of the open project, and a status bar showing whether everything is
 * saved. Remembers its size, position and queue width.
 */
public final class MainWindow {

    private static final java.time.Duration EARLY_OPENING_WAIT = java.time.Duration.ofSeconds(1);

    private final AppContext context;
    private final UiSettings settings;
    private final FxExecutor executor;
    private final DialogService dialogs;
    private final ProjectSession session;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final WindowGeometry geometry;
    private final MainMenus menus;
    private final Label saveLabel = new Label();
    private final Label statusLabel = new Label();
    private TextSize textSize;
    private AnnotationViewModel workspace;
    private AnnotationView view;
    private ReviewWorkspace review;
    private boolean reviewMode;
    private String annotator;
    private java.time.Duration noteDebounce = AnnotationViewModel.NOTE_DEBOUNCE;
    private final Label keysHint = new Label();
    private static final String DEFAULT_TAXONOMY = "Default taxonomy";
    private static final String OWN_TAXONOMY = "Choose file…";
    static final String OPENING = "Opening project…";
    static final String NOT_OPENED = "No project is open. Open one from the File menu.";
    static final String UPGRADING = "Upgrading this project to the current file format… This happens once;"
            + " a project of a million responses takes about ten seconds.";

    public MainWindow(AppContext context, UiSettings settings, FxExecutor executor, Stage stage) {
        this.context = context;
        this.settings = settings;
        this.executor = executor;
        this.stage = stage;
        this.dialogs = new FxDialogService(stage);
        this.session = new ProjectSession(context, executor, ProjectSession.CHECK_DELAY, new ProjectSession.Safety() {
            @Override
            public void damaged(ProjectHealth.Report report, Path file) {
                offerRestoreIfDamaged(report, file);
            }

            @Override
            public void backupFailed(Throwable failure, Path file) {
                dialogs.error("No backup was taken", failure.getMessage() + "\n\nYour work can go on: every change"
                        + " is still saved in the project. Only its safety copy beside the project ("
                        + file.getFileName() + ".backups) is missing; check that the folder is writable and the disk"
                        + " has room.");
            }
        });
        textSize = settings.get(UiSetting.TEXT_SIZE);
        textSize.applyTo(root);
        geometry = new WindowGeometry(settings);
        menus = new MainMenus(menuActions(), settings);
        root.setTop(menus.bar());
        root.setBottom(statusBar());
        root.setCenter(new Label(OPENING));
        Scene scene = geometry.scene(root);
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(AppInfo.NAME);
        geometry.restore(stage);
        stage.setOnCloseRequest(event -> saveBeforeClosing());
    }

    public Stage stage() {
        return stage;
    }

    /** The workspace of the open project, or null while none is open (for tests and scripted use). */
    public AnnotationViewModel workspace() {
        return workspace;
    }

    /** Review mode of the open project, or null when labelling (for tests and scripted use). */
    public ReviewWorkspace review() {
        return review;
    }

    /** Opens {@code file} in the mode chosen at start (labelling unless review was asked for). */
    public void open(Path file, String name) {
        open(file, name, reviewMode);
    }

    /**
     * Opens {@code file} (the demo when null) for {@code name}; reads and the annotator lookup run off the UI thread.
     * Both modes open through {@link ProjectSession}, which checks the file and takes the rolling backup after it.
     */
    public void open(Path file, String name, boolean asReviewer) {
        saveBeforeSwitching();
        this.annotator = name;
        this.reviewMode = asReviewer;
        settings.setAnnotator(name);
        showOpening(file);
        if (asReviewer) {
            session.open(file, database -> ReviewService.open(database, name), this::showReview,
                    failure -> reportOpenFailure(failure, file));
        } else {
            session.open(file, database -> OpenedForLabelling.on(database, name), this::show,
                    failure -> reportOpenFailure(failure, file));
        }
    }

    /** How long typing in a note must pause before it is written on its own; tests lengthen it. */
    void setNoteDebounce(java.time.Duration debounce) {
        this.noteDebounce = debounce;
    }

    /**
     * Shows a project whose opening began before the window existed (see {@link WorkbenchApp#start(String[])}), for
     * {@code name}: the project and its first prompt are read while the toolkit starts and the window is built.
     * Called before the window is shown, it waits a moment for them, so the window's first frame already holds the
     * prompt instead of a placeholder that is laid out and drawn only to be replaced; an opening that takes longer
     * (a large schema upgrade, say) goes on in the background behind the placeholder.
     */
    void open(CompletableFuture<ProjectSession.Opened<OpenedForLabelling>> opening, Path file, String name) {
        saveBeforeSwitching();
        this.annotator = name;
        this.reviewMode = false;
        settings.setAnnotator(name);
        try {
            session.show(opening.get(EARLY_OPENING_WAIT.toMillis(), TimeUnit.MILLISECONDS), this::show);
            return;
        } catch (TimeoutException e) {
            // still opening: the placeholder stays until it is done
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // reported below, through the same path as a late failure
        }
        showOpening(file);
        executor.background(() -> {
            try {
                return opening.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }, opened -> session.show(opened, this::show), failure -> reportOpenFailure(failure, file));
    }

    /**
     * Shows "Opening project…" until the project is shown, and says so when the wait is a one-time upgrade of an
     * older project file, which takes seconds on a large project. The check runs on the background thread ahead of
     * the opening queued after it. The demo ({@code file} null) is written by this version.
     */
    private void showOpening(Path file) {
        Label placeholder = new Label(OPENING);
        placeholder.setWrapText(true);
        root.setCenter(placeholder);
        if (file == null) {
            return;
        }
        executor.background(() -> ProjectDatabase.needsUpgrade(file), upgrading -> {
            if (upgrading && root.getCenter() == placeholder) {
                placeholder.setText(UPGRADING);
            }
        }, failure -> { });
    }

    /** Reports why a project did not open; the window then says so instead of waiting on "Opening project…". */
    private void reportOpenFailure(Throwable failure, Path file) {
        root.setCenter(new Label(NOT_OPENED));
        if (failure instanceof DamagedProjectException && file != null) {
            offerRestoreIfDamaged(new ProjectHealth.Report(failure.getMessage(), Optional.empty(),
                    Backups.newestGood(file)), file);
        } else {
            dialogs.error("Cannot open the project", failure.getMessage());
        }
    }

    private void showReview(ProjectSession.Opened<ReviewService> opened) {
        ReviewService service = opened.workspace();
        Path file = opened.file();
        workspace = null;
        view = null;
        review = new ReviewWorkspace(service, executor, context.agreementMeasures());
        review.installKeys(stage.getScene(), this::showHelp);
        menus.showReview();
        root.setCenter(review);
        saveLabel.textProperty().unbind();
        saveLabel.setText("");
        statusLabel.textProperty().bind(review.review().statusProperty());
        keysHint.setText("F1 or ? for all keys  ·  M: accept majority  ·  Ctrl+Enter: save gold  ·  PgDn/PgUp:"
                + " responses  ·  Ctrl+1/2/3: review, agreement, calibration");
        stage.setTitle(AppInfo.NAME + " — " + opened.projectName() + " — reviewing as " + annotator
                + "   (" + file.getFileName() + ")" + readOnlyTitle());
        sayIfReadOnly();
        settings.addRecentProject(file);
        refreshRecent();
        review.start();
    }

    private void show(ProjectSession.Opened<OpenedForLabelling> opened) {
        StartupTiming.mark("building the labelling view");
        AnnotationService service = opened.workspace().service();
        Path file = opened.file();
        review = null;
        keysHint.setText("F1 or ? for all keys  ·  Tab: next column  ·  PgDn/PgUp: prompts  ·  Ctrl+Enter: done");
        workspace = new AnnotationViewModel(service, executor, noteDebounce);
        workspace.blindProperty().set(settings.get(UiSetting.BLIND));
        workspace.highlightPhrasesProperty().set(settings.get(UiSetting.HIGHLIGHT_PHRASES));
        view = new AnnotationView(workspace);
        view.installKeys(stage.getScene(), this::showHelp);
        view.setDividerPositions(settings.get(UiSetting.QUEUE_DIVIDER));
        root.setCenter(view);
        menus.showLabelling(workspace);
        // On a read-only project nothing is ever saved: the bar must not claim "All changes saved".
        boolean readOnly = isReadOnly();
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
        stage.setTitle(AppInfo.NAME + " — " + opened.projectName() + " — " + annotator
                + "   (" + file.getFileName() + ")" + readOnlyTitle());
        settings.addRecentProject(file);
        refreshRecent();
        workspace.start(opened.workspace().openingPrompt());
        sayIfReadOnly();
        view.requestFocus();
    }

    private MainMenus.Actions menuActions() {
        LabelFileActions labelFiles = new LabelFileActions(context, executor, dialogs,
                () -> open(context.project().file(), annotator));
        return new MainMenus.Actions() {
            @Override
            public void newProject() {
                MainWindow.this.newProject();
            }

            @Override
            public void openProject() {
                MainWindow.this.openProject();
            }

            @Override
            public void openDemo() {
                open(null, annotator);
            }

            @Override
            public void openRecent(Path project) {
                open(project, annotator);
            }

            @Override
            public void importResponses() {
                MainWindow.this.importResponses();
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
            public void onLabelling(Consumer<AnnotationViewModel> action) {
                if (workspace != null) {
                    action.accept(workspace);
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
        return bar;
    }

    private void showHelp() {
        if (review != null) {
            HelpSheet.show(stage, ReviewKey.table(review.review().taxonomy()));
        } else if (workspace != null) {
            HelpSheet.show(stage, BindingTable.of(workspace.taxonomy()));
        }
    }

    private void newProject() {
        Optional<Path> target = dialogs.fileToSave("New project", "labels.db");
        if (target.isEmpty()) {
            return;
        }
        Optional<String> answer = dialogs.ask("Use the default refusal taxonomy, or a taxonomy file of your own?",
                List.of(DEFAULT_TAXONOMY, OWN_TAXONOMY));
        if (answer.isEmpty()) {
            return;
        }
        Path taxonomy = null;
        if (answer.get().equals(OWN_TAXONOMY)) {
            Optional<Path> file = dialogs.fileToOpen(null, new DialogService.FileFilter("Taxonomy", "*.json"));
            if (file.isEmpty()) {
                return;
            }
            taxonomy = file.get();
        }
        Path taxonomyFile = taxonomy;
        saveBeforeSwitching();
        executor.background(() -> {
            context.create(target.get(), taxonomyFile);
            return target.get();
        }, created -> open(created, annotator),
                failure -> dialogs.error("Cannot create the project", failure.getMessage()));
    }

    private void openProject() {
        dialogs.fileToOpen("Open project").ifPresent(file -> open(file, annotator));
    }

    /** One transaction for all chosen files: an error names FILE:LINE and leaves the project as it was. */
    private void importResponses() {
        ProjectDatabase database = context.project();
        if (database == null) {
            return;
        }
        List<Path> files = dialogs.filesToOpen("Import responses (JSONL, CSV, XSTest CSV)",
                new DialogService.FileFilter("Response files", "*.jsonl", "*.json", "*.ndjson", "*.csv"));
        if (files.isEmpty()) {
            return;
        }
        DialogService.Progress progress = dialogs.progress("Import", "Importing " + files.size() + " file(s)…");
        executor.longRunning(() -> {
            try {
                return new ResponseImporter(database).importFiles(files, null, null, progress::update);
            } catch (ImportException e) {
                return e;
            }
        }, result -> {
            progress.close();
            if (result instanceof ImportSummary summary) {
                dialogs.information("Import finished", summary.describe());
                open(database.file(), annotator);
            } else {
                ImportException failure = (ImportException) result;
                dialogs.error("Nothing was imported", "The import stopped at the first problem and was rolled back,"
                        + " so the project is unchanged. Fix the line and import again:\n\n" + failure.file() + ":"
                        + failure.line() + ": " + failure.reason());
            }
        }, failure -> {
            progress.close();
            dialogs.error("Import failed", failure.getMessage());
        });
    }

    private void refreshRecent() {
        menus.refreshRecent(settings.recentProjects());
    }

    private void saveBeforeSwitching() {
        if (review != null) {
            try {
                review.review().flush().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                dialogs.error("Some gold labels may not be saved", e.getMessage());
            }
        }
        if (workspace != null) {
            try {
                workspace.flush().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                dialogs.error("Some changes may not be saved", e.getMessage());
            }
        }
    }

    /** Writes pending notes and waits for the writer, so closing loses nothing shown as saved. */
    public void saveBeforeClosing() {
        saveBeforeSwitching();
        geometry.remember(stage);
        if (view != null && !view.getDividers().isEmpty()) {
            settings.set(UiSetting.QUEUE_DIVIDER, view.getDividerPositions()[0]);
        }
    }

    private boolean isReadOnly() {
        ProjectDatabase database = context.project();
        return database != null && database.readOnlyNotice().isPresent();
    }

    private String readOnlyTitle() {
        return isReadOnly() ? "  — READ-ONLY" : "";
    }

    /** A project that cannot be written is shown for reading; the person hears why before trying to label. */
    private void sayIfReadOnly() {
        ProjectDatabase database = context.project();
        if (database != null) {
            database.readOnlyNotice().ifPresent(notice -> dialogs.information("The project is open read-only",
                    notice));
        }
    }

    /** A project damaged on disk is reported at once, with the newest good backup offered in its place. */
    private void offerRestoreIfDamaged(ProjectHealth.Report health, Path file) {
        if (!health.isDamaged()) {
            return;
        }
        if (health.newestGoodBackup().isEmpty()) {
            dialogs.error("The project file is damaged", health.integrity() + "\n\nNo good backup was found. Keep"
                    + " a copy of the file before labelling further.");
            return;
        }
        Path backup = health.newestGoodBackup().get();
        if (dialogs.confirm("The project file is damaged", "SQLite reports: " + health.integrity()
                + "\n\nRestore the newest good backup (" + backup.getFileName() + ")? Labels made after it was"
                + " taken will be lost; the damaged file is kept beside it with the suffix .damaged.")) {
            executor.background(() -> {
                java.nio.file.Files.copy(file, file.resolveSibling(file.getFileName() + ".damaged"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                context.restore(backup, file);
                return file;
            }, restored -> open(restored, annotator),
                    failure -> dialogs.error("Restore failed", failure.getMessage()));
        }
    }
}
