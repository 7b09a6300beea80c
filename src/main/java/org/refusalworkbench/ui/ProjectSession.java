package org.refusalworkbench.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

import org.refusalworkbench.AppContext;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectHealth;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.ui.common.BackgroundTask;
import org.refusalworkbench.ui.common.UiExecutor;

/**
 * Opening a project, the same in both modes: open the file, build the mode's service on it, show it, then check the
 * file for damage and take the rolling backup in the background. Labelling and review differ only in the service
 * they build and how the window shows it, so neither can leave out the check. Free of JavaFX, so the sequence is
 * tested with the same-thread executor.
 */
final class ProjectSession {

    /** What the window does with what the check after an opening finds. */
    interface Safety {
        /** The file is damaged; the report says how, and names the newest good backup if there is one. */
        void damaged(ProjectHealth.Report report, Path file);

        /** The check or the backup could not be done (a folder that is not writable, a full disk). */
        void backupFailed(Throwable failure, Path file);
    }

    /** A project open in one mode: what the mode built on it, the project's name and its file. */
    record Opened<W>(W workspace, String projectName, Path file) {
    }

    /** The check reads the whole file: started a little later, it does not compete with the first prompt. */
    static final Duration CHECK_DELAY = Duration.ofSeconds(3);

    private final AppContext context;
    private final UiExecutor executor;
    private final Duration checkDelay;
    private final Safety safety;

    ProjectSession(AppContext context, UiExecutor executor, Duration checkDelay, Safety safety) {
        this.context = context;
        this.executor = executor;
        this.checkDelay = checkDelay;
        this.safety = safety;
    }

    /** Opens {@code file} (the demo when null) and builds {@code mode}'s service on it; blocks: off the UI thread. */
    static <W> Opened<W> open(AppContext context, Path file, Function<ProjectDatabase, W> mode) {
        StartupTiming.mark("opening the project");
        ProjectDatabase database = context.open(file != null ? file : context.demoProjectFile());
        StartupTiming.mark("project open");
        W workspace = mode.apply(database);
        return new Opened<>(workspace, database.read(ProjectSetup::projectName), database.file());
    }

    /** Opens in the background, then {@link #show shows} the project; {@code failed} hears why it did not open. */
    <W> void open(Path file, Function<ProjectDatabase, W> mode, Consumer<Opened<W>> show,
                  Consumer<Throwable> failed) {
        BackgroundTask.read(() -> open(context, file, mode))
                .onSuccess(opened -> show(opened, show))
                .onFailure(failed)
                .runOn(executor);
    }

    /** Shows an opened project and schedules its check and backup: every opening, in either mode, ends here. */
    <W> void show(Opened<W> opened, Consumer<Opened<W>> show) {
        show.accept(opened);
        ProjectDatabase database = context.project();
        executor.schedule(checkDelay, () -> {
            if (context.project() != database) {
                return;   // another project was opened meanwhile, and its opening schedules its own check
            }
            BackgroundTask.io(context::checkHealthAndBackUp)
                    .onSuccess(report -> {
                        if (report.isDamaged()) {
                            safety.damaged(report, opened.file());
                        }
                    })
                    .onFailure(failure -> safety.backupFailed(failure, opened.file()))
                    .runOn(executor);
        });
    }
}
