package org.refusalworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.refusalworkbench.ui.annotate.AnnotationViewModel;
import org.refusalworkbench.ui.annotate.ResponseColumnViewModel;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A note is on disk before anything says it is saved, and leaving it any way writes it at once. Most tests open the
 * project with an hour-long typing pause, so a note found stored was written by the way it was left, not by the pause.
 */
class NoteSavingTest extends ApplicationTest {

    private static final String ANNOTATOR = "noter";
    private static final Duration NEVER = Duration.ofHours(1);

    private TestWindow test;
    private Stage stage;
    private Path file;

    @Override
    public void start(Stage stage) throws Exception {
        this.stage = stage;
        test = new TestWindow(stage, context -> { });
    }

    @AfterEach
    void tearDown() throws Exception {
        test.close();
    }

    @Test
    void typingInANoteShowsSavingInTheStatusBarAtOnce() {
        open(NEVER);
        shortcut(KeyCode.E);
        write("h");

        assertThat(saveStateShown()).isEqualTo("… Saving…");
    }

    @Test
    void aNoteIsStoredWhenTypingPausesWithNothingElseHappening() {
        long response = open(AnnotationViewModel.NOTE_DEBOUNCE).response().id();
        shortcut(KeyCode.E);
        write("Refuses politely");

        waitUntil(() -> "Refuses politely".equals(storedNote(response)));
        waitUntil(() -> "✓ All changes saved".equals(saveStateShown()));
    }

    @Test
    void aNoteLeftForAnotherFieldIsStoredBeforeItsPause() {
        long response = open(NEVER).response().id();
        shortcut(KeyCode.E);
        write("Lectures the user");
        press(KeyCode.SHIFT).press(KeyCode.TAB).release(KeyCode.TAB).release(KeyCode.SHIFT);   // focus moves on

        waitUntil(() -> "Lectures the user".equals(storedNote(response)));
    }

    @Test
    void aNoteTypedThenAnotherColumnChosenIsStoredBeforeItsPause() {
        long response = open(NEVER).response().id();
        shortcut(KeyCode.E);
        write("Offers an alternative");
        shortcut(KeyCode.DIGIT2);       // column B, from inside the note

        waitUntil(() -> "Offers an alternative".equals(storedNote(response)));
    }

    /**
     * The note field, however it is left, saves its note; a move to another column or prompt saves whatever still
     * waits as well. The text is set as the field's binding sets it on a keystroke, with the view holding the keys.
     */
    @Test
    void tabToTheNextColumnStoresTheNoteWaitingOnThisOneBeforeItsPause() {
        ResponseColumnViewModel column = open(NEVER);
        interact(() -> column.noteProperty().set("Half an answer"));
        type(KeyCode.TAB);

        waitUntil(() -> "Half an answer".equals(storedNote(column.response().id())));
    }

    @Test
    void pageDownToTheNextPromptStoresTheNoteWaitingOnThisOneBeforeItsPause() {
        ResponseColumnViewModel column = open(NEVER);
        interact(() -> column.noteProperty().set("Complies in full"));
        type(KeyCode.PAGE_DOWN);

        waitUntil(() -> "Complies in full".equals(storedNote(column.response().id())));
    }

    @Test
    void closingTheWindowStoresATypedNoteBeforeItsPause() {
        long response = open(NEVER).response().id();
        shortcut(KeyCode.E);
        write("Boilerplate disclaimer");
        interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        assertThat(storedNote(response)).isEqualTo("Boilerplate disclaimer");
    }

    @Test
    void quittingWithCtrlQFromInsideANoteStoresItBeforeItsPause() {
        long response = open(NEVER).response().id();
        shortcut(KeyCode.E);
        write("Refuses, then helps");
        shortcut(KeyCode.Q);

        waitUntil(() -> !stage.isShowing());
        assertThat(storedNote(response)).isEqualTo("Refuses, then helps");
    }

    /** Opens the demo project with this typing pause; returns the active column once the prompt is shown. */
    private ResponseColumnViewModel open(Duration debounce) {
        interact(() -> {
            test.window.setNoteDebounce(debounce);
            test.window.open(null, ANNOTATOR);
        });
        waitUntil(() -> test.window.workspace() != null && !test.window.workspace().columns().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        file = test.context.project().file();
        return test.window.workspace().activeColumnModel().orElseThrow();
    }

    private void shortcut(KeyCode key) {
        press(KeyCode.CONTROL).press(key).release(key).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String saveStateShown() {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup("#save-state").queryAs(Label.class).getText();
    }

    /** Read on a connection of its own, as another process would see the file. */
    private String storedNote(long responseId) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement query = connection.prepareStatement("SELECT l.note FROM label l"
                     + " JOIN annotator a ON a.id = l.annotator_id WHERE a.name = ? AND l.response_id = ?")) {
            query.setString(1, ANNOTATOR);
            query.setLong(2, responseId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting", e);
        }
    }
}
