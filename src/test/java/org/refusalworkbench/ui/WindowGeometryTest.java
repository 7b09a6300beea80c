package org.refusalworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.refusalworkbench.ui.common.UiSetting;
import org.testfx.framework.junit5.ApplicationTest;

/** A window remembered on a larger or since unplugged monitor opens where it can be seen, and no larger. */
class WindowGeometryTest extends ApplicationTest {

    private TestWindow test;

    @Override
    public void start(Stage stage) throws Exception {
        test = new TestWindow(stage, context -> { }, settings -> {
            settings.set(UiSetting.WINDOW_WIDTH, 3840.0);
            settings.set(UiSetting.WINDOW_HEIGHT, 2160.0);
            settings.set(UiSetting.WINDOW_X, 5000.0);
            settings.set(UiSetting.WINDOW_Y, 3000.0);
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        test.close();
    }

    @Test
    void aWindowLastSeenOffEveryScreenOpensOnTheScreenAtMostItsSize() {
        Stage stage = test.window.stage();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();

        assertThat(stage.getScene().getWidth()).isLessThanOrEqualTo(screen.getWidth());
        assertThat(stage.getScene().getHeight()).isLessThanOrEqualTo(screen.getHeight());
        assertThat(Screen.getScreensForRectangle(stage.getX(), stage.getY(), 30, 30)).isNotEmpty();
    }
}
