package org.refusalworkbench.ui;

import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.stage.Stage;

import org.refusalworkbench.AppContext;

/** The JavaFX application: opens the project named on the command line, or the demo project. */
public final class WorkbenchApp extends Application {

    private AppContext context;

    public static void start(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getUnnamed();
        context = AppContext.forDesktop(args.isEmpty() ? null : Path.of(args.get(0)));
        new ProjectOverviewWindow(context).show(stage);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
