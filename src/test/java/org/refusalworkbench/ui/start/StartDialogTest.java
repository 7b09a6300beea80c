package org.refusalworkbench.ui.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.service.query.NodeQuery;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The first screen under headless Monocle. */
class StartDialogTest extends ApplicationTest {

    @TempDir
    Path folder;

    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void aRecentProjectShowsItsFileNameFirstAndADoubleClickStartsOnIt() throws Exception {
        Path project = Files.createFile(folder.resolve("study.db"));
        AtomicReference<Optional<StartDialog.Choice>> chosen = new AtomicReference<>();
        Platform.runLater(() -> chosen.set(StartDialog.show(stage, List.of("ann"), "ann", List.of(project), false)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> projectName().tryQuery().isPresent());

        WaitForAsyncUtils.waitForFxEvents();   // the dialog's first layouts replace the list's cells
        doubleClickOn(projectName().queryLabeled(), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chosen.get() != null);

        StartDialog.Choice choice = chosen.get().orElseThrow();
        assertThat(choice.project()).isEqualTo(project);
        assertThat(choice.annotator()).isEqualTo("ann");
        assertThat(lookup(LabeledMatchers.hasText(folder.toString())).tryQuery()).isEmpty();   // the dialog is gone
    }

    /** The file name's label in the list; the list also keeps spare cells that are not on screen. */
    private NodeQuery projectName() {
        return lookup(LabeledMatchers.hasText("study.db")).match(node -> node.getScene() != null);
    }
}
