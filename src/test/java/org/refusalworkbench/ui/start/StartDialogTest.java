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
import javafx.scene.input.KeyCode;
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

    @Test
    void onAFreshProfileTheNameHasTheFocusAndReturnStartsOnlyOnceANameIsTyped() throws Exception {
        AtomicReference<Optional<StartDialog.Choice>> chosen = new AtomicReference<>();
        Platform.runLater(() -> chosen.set(StartDialog.show(stage, List.of(), "", List.of(), false, null,
                folder.resolve("demo.db"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#start-hint").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.Node focused = lookup(".combo-box").queryAll().stream().filter(javafx.scene.Node::isFocused)
                .findFirst().orElse(null);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        String hint = lookup("#start-hint").queryLabeled().getText();
        boolean stillOpen = chosen.get() == null;
        assertThat(focused).as("the name field has the focus").isNotNull();
        assertThat(stillOpen).as("Return without a name neither starts nor quits").isTrue();
        assertThat(hint).contains("Type your annotator name first");
        // Key by key, as a labeler types: TestFX's write() types into the main window's scene, not the dialog's.
        type(KeyCode.M, KeyCode.A, KeyCode.Y, KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup(".text-field").queryAll().stream().map(node -> ((javafx.scene.control.TextField) node)
                .getText()).toList()).contains("maya");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chosen.get() != null);

        assertThat(focused).as("the name field has the focus").isNotNull();
        assertThat(stillOpen).as("Return without a name neither starts nor quits").isTrue();
        assertThat(hint).contains("Type your annotator name first");
        StartDialog.Choice choice = chosen.get().orElseThrow();
        assertThat(choice.annotator()).isEqualTo("maya");
        assertThat(choice.project()).as("the demo").isNull();
        assertThat(choice.review()).isFalse();
    }

    @Test
    void theProjectGivenOnTheCommandLineIsListedFirstAndChosenAndTheDemoOnlyOnce() throws Exception {
        Path given = Files.createFile(folder.resolve("study.db"));
        Path demo = Files.createFile(folder.resolve("demo.db"));
        Path other = Files.createFile(folder.resolve("other.db"));
        AtomicReference<Optional<StartDialog.Choice>> chosen = new AtomicReference<>();
        Platform.runLater(() -> chosen.set(StartDialog.show(stage, List.of("ann"), "ann", List.of(demo, other,
                given), true, given, demo)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> projectName().tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<String> list = lookup("#start-projects").queryAs(
                javafx.scene.control.ListView.class);
        List<String> items = List.copyOf(list.getItems());
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chosen.get() != null);

        assertThat(items).hasSize(4);
        assertThat(items.get(1)).isEqualTo(given.toAbsolutePath().normalize().toString());
        assertThat(items.get(2)).isEqualTo(other.toAbsolutePath().normalize().toString());
        assertThat(items).noneMatch(item -> item.endsWith("demo.db"));
        assertThat(chosen.get().orElseThrow().project()).isEqualTo(given.toAbsolutePath().normalize());
        assertThat(chosen.get().orElseThrow().review()).isTrue();
    }

    @Test
    void onAFirstStartTheNameListOffersTheChosenProjectsAnnotators() throws Exception {
        Path demo = new org.refusalworkbench.demo.DemoProject(folder, "test").ensure();
        Path empty = folder.resolve("nothing-here.db");
        AtomicReference<Optional<StartDialog.Choice>> chosen = new AtomicReference<>();
        Platform.runLater(() -> chosen.set(StartDialog.show(stage, List.of(), "", List.of(empty), false, null, demo,
                (project, names) -> names.accept(org.refusalworkbench.storage.ProjectFiles.annotatorNames(project)))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#start-hint").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> names = lookup(".combo-box").queryAs(javafx.scene.control.ComboBox.class);
        List<String> forTheMissingFile = List.copyOf(names.getItems());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<String> projects = lookup("#start-projects").queryAs(
                javafx.scene.control.ListView.class);
        interact(() -> projects.getSelectionModel().select(0));     // the demo
        List<String> forTheDemo = List.copyOf(names.getItems());
        type(KeyCode.ESCAPE);

        assertThat(forTheMissingFile).isEmpty();
        assertThat(forTheDemo).containsExactlyInAnyOrder("annotator-a", "annotator-b", "annotator-c");
    }

    /** The file name's label in the list; the list also keeps spare cells that are not on screen. */
    private NodeQuery projectName() {
        return lookup(LabeledMatchers.hasText("study.db")).match(node -> node.getScene() != null);
    }
}
