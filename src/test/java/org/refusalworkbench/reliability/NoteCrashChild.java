package org.refusalworkbench.reliability;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.refusalworkbench.AppContext;
import org.refusalworkbench.ui.MainWindow;
import org.refusalworkbench.ui.annotate.ResponseColumnViewModel;
import org.refusalworkbench.ui.common.FxExecutor;
import org.refusalworkbench.ui.common.UiSettings;

/**
 * Runs in a child process that {@link NoteCrashTest} kills with SIGKILL: the app's window on headless Monocle opens
 * {@code PROJECT} for {@code ANNOTATOR}, a note is typed on the first column, and every text the status bar's save
 * state shows from then on is printed as "shown TEXT" (the one already showing first).
 */
public final class NoteCrashChild {

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        String annotator = args[1];
        String note = args[2];
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        CompletableFuture<MainWindow> opened = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            MainWindow window = new MainWindow(AppContext.forDesktop(), new UiSettings(project.resolveSibling(
                    UiSettings.FILE_NAME)), new FxExecutor(), stage);
            stage.show();
            window.open(project, annotator);
            opened.complete(window);
        });
        MainWindow window = opened.get();
        CompletableFuture<Void> typed = new CompletableFuture<>();
        while (!typed.isDone()) {
            Thread.sleep(50);
            Platform.runLater(() -> {
                if (typed.isDone() || window.workspace() == null || window.workspace().columns().isEmpty()) {
                    return;
                }
                Label saveState = (Label) window.stage().getScene().lookup("#save-state");
                ResponseColumnViewModel column = window.workspace().activeColumnModel().orElseThrow();
                out.println("response " + column.response().id());
                saveState.textProperty().addListener((o, old, text) -> out.println("shown " + text));
                column.noteProperty().set(note);   // what the note field's binding does on a keystroke
                out.println("shown " + saveState.getText());
                typed.complete(null);
            });
        }
        Thread.sleep(60_000);
    }

    private NoteCrashChild() {
    }
}
