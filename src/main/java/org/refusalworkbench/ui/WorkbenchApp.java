package org.refusalworkbench.ui;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.refusalworkbench.AppContext;
import org.refusalworkbench.ui.common.BackgroundTask;
import org.refusalworkbench.ui.common.FxExecutor;
import org.refusalworkbench.ui.common.UiExecutor;
import org.refusalworkbench.ui.common.UiSettings;
import org.refusalworkbench.ui.start.StartDialog;
import org.refusalworkbench.ui.start.StartOptions;

/**
 * The JavaFX application. Asks who is labelling and which project on first start; skips the question when both
 * are given (see {@link StartOptions}).
 */
public final class WorkbenchApp extends Application {

    private AppContext context;
    private FxExecutor executor;
    private MainWindow window;

    /** Set by {@link #start(String[])} when the project to label is known before the toolkit starts. */
    private static AppContext earlyContext;
    private static CompletableFuture<ProjectSession.Opened<OpenedForLabelling>> earlyOpening;

    /**
     * Launches the app. When the annotator and project are given, their opening starts at once on a thread of its
     * own, while the toolkit starts and the window is built on the other core, so the first prompt is read by the
     * time there is a view to show it in.
     */
    public static void start(String[] args) {
        StartOptions options = StartOptions.fromArguments(args);
        if (options.skipsDialog() && !options.review()) {
            earlyContext = AppContext.forDesktop();
            ExecutorService opener = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "project-opening");
                thread.setDaemon(true);
                return thread;
            });
            earlyOpening = CompletableFuture.supplyAsync(() -> ProjectSession.open(earlyContext, options.project(),
                    database -> OpenedForLabelling.on(database, options.annotator())), opener);
            opener.shutdown();
        }
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        StartupTiming.mark("toolkit started");
        StartOptions options = StartOptions.from(getParameters().getUnnamed(), getParameters().getNamed());
        context = earlyContext != null ? earlyContext : AppContext.forDesktop();
        executor = new FxExecutor();
        UiSettings settings = UiSettings.forUser();
        window = new MainWindow(context, settings, executor, stage);
        if (earlyOpening != null) {
            window.open(earlyOpening, options.project(), options.annotator());
            stage.show();
            return;
        }
        stage.show();
        if (options.skipsDialog()) {
            window.open(options.project(), options.annotator(), options.review());
            return;
        }
        Optional<StartDialog.Choice> choice = StartDialog.show(stage, settings.knownAnnotators(),
                options.annotator() != null ? options.annotator() : settings.annotator(), settings.recentProjects(),
                options.review(), options.project(), context.demoProjectLocation(),
                annotatorLookup(context, executor));
        if (choice.isEmpty()) {
            Platform.exit();
            return;
        }
        window.open(choice.get().project(), choice.get().annotator(), choice.get().review());
    }

    /**
     * The start dialog's offer of a project's annotators: read on the read lane, handed over on the UI thread; a
     * file that cannot be read offers none, and opening it says why.
     */
    static StartDialog.AnnotatorLookup annotatorLookup(AppContext context, UiExecutor executor) {
        return (project, names) -> BackgroundTask.read(() -> context.annotatorNamesOf(project))
                .onSuccess(names::accept)
                .onFailure(failure -> names.accept(java.util.List.of()))
                .runOn(executor);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.saveBeforeClosing();
        }
        if (executor != null) {
            executor.close();
        }
        if (context != null) {
            context.close();
        }
    }
}
