package org.refusalworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.refusalworkbench.ui.common.TextSize;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** The reading text grows and shrinks by keyboard, in steps, and only the reading text. */
class TextSizeTest extends ApplicationTest {

    private TestWindow test;

    @Override
    public void start(Stage stage) throws Exception {
        test = new TestWindow(stage, context -> { });
        test.window.open(null, "reader");
    }

    @AfterEach
    void tearDown() throws Exception {
        test.close();
    }

    @Test
    void ctrlPlusAndMinusResizeResponsesAndPromptsButNotTheOptions() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> test.window.workspace() != null
                && lookup(".body-text").queryAll().stream().anyMatch(TextSizeTest::inAResponse));
        WaitForAsyncUtils.waitForFxEvents();
        double normal = responseTextSize();
        double option = optionTextSize();

        shortcut(KeyCode.EQUALS);
        shortcut(KeyCode.EQUALS);
        assertThat(test.window.textSize()).isEqualTo(TextSize.LARGER);
        assertThat(responseTextSize()).isGreaterThan(normal * 1.2);
        assertThat(optionTextSize()).isEqualTo(option);

        for (int i = 0; i < 6; i++) {
            shortcut(KeyCode.MINUS);
        }
        assertThat(test.window.textSize()).as("stops at the smallest step").isEqualTo(TextSize.SMALL);
        assertThat(responseTextSize()).isLessThan(normal);

        shortcut(KeyCode.DIGIT0);
        assertThat(test.window.textSize()).isEqualTo(TextSize.NORMAL);
        assertThat(responseTextSize()).isEqualTo(normal);
    }

    private void shortcut(KeyCode key) {
        press(KeyCode.SHORTCUT).press(key).release(key).release(KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A response's text (not a prompt's), as laid out after the last CSS pass. */
    private double responseTextSize() {
        Text text = lookup(".body-text").queryAllAs(Text.class).stream().filter(TextSizeTest::inAResponse)
                .findFirst().orElseThrow();
        return text.getFont().getSize();
    }

    private static boolean inAResponse(javafx.scene.Node node) {
        for (javafx.scene.Parent parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent.getStyleClass().contains("response-column")) {
                return true;
            }
        }
        return false;
    }

    private double optionTextSize() {
        return lookup(".checks .check-box").queryLabeled().getFont().getSize();
    }
}
