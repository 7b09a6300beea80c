package org.refusalworkbench.ui;

import java.util.Optional;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.refusalworkbench.AppContext;
import org.refusalworkbench.ui.common.FxExecutor;
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

    public static void start(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        StartupTiming.mark("toolkit started");
        StartOptions options = StartOptions.from(getParameters().getUnnamed(), getParameters().getNamed());
        context = AppContext.forDesktop();
        executor = new FxExecutor();
        UiSettings settings = UiSettings.forUser();
        window = new MainWindow(context, settings, executor, stage);
        stage.show();
        if (options.skipsDialog()) {
            window.open(options.project(), options.annotator(), options.review());
            return;
        }
        Optional<StartDialog.Choice> choice = StartDialog.show(stage, settings.knownAnnotators(),
                options.annotator() != null ? options.annotator() : settings.annotator(), settings.recentProjects(),
                options.review());
        if (choice.isEmpty()) {
            Platform.exit();
            return;
        }
        window.open(options.project() != null ? options.project() : choice.get().project(),
                choice.get().annotator(), choice.get().review());
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
