package org.refusalworkbench.ui.common;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/** A small window with a progress bar for long file work (import, export, merge); safe to update from any thread. */
public final class ProgressDialog {

    private final ProgressBar bar = new ProgressBar(0);
    private final Stage window = new Stage();

    public ProgressDialog(Stage owner, String title, String text) {
        bar.setPrefWidth(380);
        window.initOwner(owner);
        window.initModality(Modality.WINDOW_MODAL);
        window.setTitle(title);
        VBox box = new VBox(10, new Label(text), bar);
        box.setPadding(new Insets(16));
        window.setScene(new Scene(box));
    }

    public ProgressDialog show() {
        window.show();
        return this;
    }

    /** Takes done/total as the work reports it, from the worker thread; 0 total shows an indefinite bar. */
    public void update(long done, long total) {
        Platform.runLater(() -> bar.setProgress(total <= 0 ? ProgressBar.INDETERMINATE_PROGRESS
                : Math.min(1, (double) done / total)));
    }

    public void close() {
        window.close();
    }
}
