package org.refusalworkbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.refusalworkbench.AppContext;
import org.refusalworkbench.AppInfo;
import org.refusalworkbench.storage.Backups;
import org.refusalworkbench.storage.DamagedProjectException;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectHealth;
import org.refusalworkbench.ui.annotate.AnnotationViewModel;
import org.refusalworkbench.ui.common.DialogService;
import org.refusalworkbench.ui.common.BackgroundTask;
import org.refusalworkbench.ui.common.UiExecutor;
import org.refusalworkbench.ui.common.UiSetting;
import org.refusalworkbench.ui.common.UiSettings;
import org.refusalworkbench.project.ReviewService;

/**
 * The open project and its mode, free of the toolkit: every opening, from the menus or begun before the window
 * existed, first saves what waits to be saved, then goes through {@link ProjectSession}, which checks the file and
 * backs it up; what the check finds is told through the {@link DialogService}.
 */
final class ProjectSessionViewModel {

    /** What the window shows of the session. */
    interface Screen {
        /** Shows the labelling view of {@code workspace}, not yet started. */
        void showLabelling(AnnotationViewModel workspace, boolean readOnly);

        /** Shows and starts review mode on {@code service}; returns how to save what it has not saved yet. */
        PendingSaves showReview(ReviewService service);
    }

    /** Work a mode has not written yet; the future completes once it is. */
    interface PendingSaves {
        PendingSaves NONE = () -> CompletableFuture.completedFuture(null);

        CompletableFuture<?> flush();
    }

    static final String OPENING = "Opening project…";
    static final String NOT_OPENED = "No project is open. Open one from the File menu.";
    static final String UPGRADING = "Upgrading this project to the current file format… This happens once;"
            + " a project of a million responses takes about ten seconds.";
    private static final Duration EARLY_OPENING_WAIT = Duration.ofSeconds(1);

    private final AppContext context;
    private final UiSettings settings;
    private final UiExecutor executor;
    private final DialogService dialogs;
    private final ProjectSession session;
    private final Screen screen;
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(OPENING);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(AppInfo.NAME);
    private final ObservableList<Path> recentProjects = FXCollections.observableArrayList();
    private AnnotationViewModel labelling;
    private PendingSaves pending = PendingSaves.NONE;
    private String unsavedWarning = "";
    private boolean reviewMode;
    private String annotator;
    private Duration noteDebounce = AnnotationViewModel.NOTE_DEBOUNCE;
    private long openings;

    ProjectSessionViewModel(AppContext context, UiSettings settings, UiExecutor executor, DialogService dialogs,
                            Duration checkDelay, Screen screen) {
        this.context = context;
        this.settings = settings;
        this.executor = executor;
        this.dialogs = dialogs;
        this.screen = screen;
        this.session = new ProjectSession(context, executor, checkDelay, new ProjectSession.Safety() {
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
        recentProjects.setAll(settings.recentProjects());
    }

    /** What stands in the window's middle while no project is shown there, or null while one is. */
    ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The recently opened projects, newest first. */
    ObservableList<Path> recentProjects() {
        return FXCollections.unmodifiableObservableList(recentProjects);
    }

    /** The labelling workspace of the open project, or null while none is open or it is open for review. */
    AnnotationViewModel labelling() {
        return labelling;
    }

    String annotator() {
        return annotator;
    }

    void setNoteDebounce(Duration debounce) {
        this.noteDebounce = debounce;
    }

    /** Opens the open project again, in the same mode: after a merge, so every view shows the merged labels. */
    void reopen() {
        open(context.project().file());
    }

    /** Opens {@code file} (the demo when null) for the same person in the mode open now. */
    void open(Path file) {
        open(file, annotator, reviewMode);
    }

    /** Opens {@code file} for {@code name} in the mode chosen at start (labelling unless review was asked for). */
    void open(Path file, String name) {
        open(file, name, reviewMode);
    }

    /** Opens {@code file} (the demo when null) for {@code name}; the reads run off the UI thread. */
    void open(Path file, String name, boolean asReviewer) {
        switchTo(name, asReviewer);
        showOpening(file);
        if (asReviewer) {
            session.open(file, database -> ReviewService.open(database, name), this::showReview,
                    failure -> reportOpenFailure(failure, file));
        } else {
            session.open(file, database -> OpenedForLabelling.on(database, name), this::showLabelling,
                    failure -> reportOpenFailure(failure, file));
        }
    }

    /**
     * Shows a project whose opening began before the window existed. Waits a moment for it, so the first frame
     * already holds the prompt; an opening that takes longer goes on in the background behind the placeholder.
     */
    void open(CompletableFuture<ProjectSession.Opened<OpenedForLabelling>> opening, Path file, String name) {
        switchTo(name, false);
        try {
            session.show(opening.get(EARLY_OPENING_WAIT.toMillis(), TimeUnit.MILLISECONDS), this::showLabelling);
            return;
        } catch (TimeoutException e) {
            // still opening: the placeholder stays until it is done
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // reported below, through the same path as a late failure
        }
        showOpening(file);
        BackgroundTask.read(() -> {
                    try {
                        return opening.join();
                    } catch (CompletionException e) {
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                })
                .onSuccess(opened -> session.show(opened, this::showLabelling))
                .onFailure(failure -> reportOpenFailure(failure, file))
                .runOn(executor);
    }

    /** Waits for what the open mode has not written yet; says so if it may not have been. */
    void flushPendingSaves() {
        try {
            pending.flush().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            dialogs.error(unsavedWarning, e.getMessage());
        }
    }

    private void switchTo(String name, boolean asReviewer) {
        flushPendingSaves();
        this.annotator = name;
        this.reviewMode = asReviewer;
        settings.setAnnotator(name);
    }

    /** Says when the wait is a one-time upgrade of an older file; the demo ({@code file} null) is current. */
    private void showOpening(Path file) {
        long opening = ++openings;
        placeholder.set(OPENING);
        if (file == null) {
            return;
        }
        BackgroundTask.read(() -> ProjectDatabase.needsUpgrade(file))
                .onSuccess(upgrading -> {
                    if (upgrading && opening == openings && OPENING.equals(placeholder.get())) {
                        placeholder.set(UPGRADING);
                    }
                })
                .onFailure(failure -> { })
                .runOn(executor);
    }

    private void reportOpenFailure(Throwable failure, Path file) {
        placeholder.set(NOT_OPENED);
        if (failure instanceof DamagedProjectException && file != null) {
            offerRestoreIfDamaged(new ProjectHealth.Report(failure.getMessage(), Optional.empty(),
                    Backups.newestGood(file)), file);
        } else {
            dialogs.error("Cannot open the project", failure.getMessage());
        }
    }

    private void showLabelling(ProjectSession.Opened<OpenedForLabelling> opened) {
        StartupTiming.mark("building the labelling view");
        labelling = new AnnotationViewModel(opened.workspace().service(), executor, noteDebounce);
        labelling.blindProperty().set(settings.get(UiSetting.BLIND));
        labelling.highlightPhrasesProperty().set(settings.get(UiSetting.HIGHLIGHT_PHRASES));
        labelling.formattedTextProperty().set(settings.get(UiSetting.FORMATTED_TEXT));
        pending = labelling::flush;
        unsavedWarning = "Some changes may not be saved";
        placeholder.set(null);
        screen.showLabelling(labelling, isReadOnly());
        title.set(AppInfo.NAME + " — " + opened.projectName() + " — " + annotator
                + "   (" + opened.file().getFileName() + ")" + readOnlyTitle());
        remember(opened.file());
        labelling.start(opened.workspace().openingPrompt());
        sayIfReadOnly();
    }

    private void showReview(ProjectSession.Opened<ReviewService> opened) {
        labelling = null;
        placeholder.set(null);
        pending = screen.showReview(opened.workspace());
        unsavedWarning = "Some gold labels may not be saved";
        title.set(AppInfo.NAME + " — " + opened.projectName() + " — reviewing as " + annotator
                + "   (" + opened.file().getFileName() + ")" + readOnlyTitle());
        sayIfReadOnly();
        remember(opened.file());
    }

    private void remember(Path file) {
        settings.addRecentProject(file);
        recentProjects.setAll(settings.recentProjects());
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
            BackgroundTask.read(() -> {
                        Files.copy(file, file.resolveSibling(file.getFileName() + ".damaged"),
                                StandardCopyOption.REPLACE_EXISTING);
                        context.restore(backup, file);
                        return file;
                    })
                    .onSuccess(this::open)
                    .onFailure(failure -> dialogs.error("Restore failed", failure.getMessage()))
                    .runOn(executor);
        }
    }
}
