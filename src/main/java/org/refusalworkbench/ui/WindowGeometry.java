package org.refusalworkbench.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.refusalworkbench.ui.common.UiSetting;
import org.refusalworkbench.ui.common.UiSettings;

/**
 * The main window's size, position and maximized state, remembered between runs. A window remembered on a larger or
 * since unplugged monitor comes back where it can be seen, and no larger than the screen.
 */
final class WindowGeometry {

    /** Five responses side by side, the XSTest layout, fit at this width; smaller screens get their whole width. */
    private static final double DEFAULT_WIDTH = 1680;
    private static final double DEFAULT_HEIGHT = 1000;
    /** How much of the window's top must be on a screen for it to be moved there (its title bar, to grab). */
    private static final double TITLE_BAR = 30;

    private final UiSettings settings;

    WindowGeometry(UiSettings settings) {
        this.settings = settings;
    }

    /** A scene of the remembered size (the first-start size before that), at most the primary screen's. */
    Scene scene(Parent root) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return new Scene(root, Math.min(remembered(UiSetting.WINDOW_WIDTH, DEFAULT_WIDTH), screen.getWidth()),
                Math.min(remembered(UiSetting.WINDOW_HEIGHT, DEFAULT_HEIGHT), screen.getHeight()));
    }

    /** Restores the last position unless no screen shows it any more (a monitor since unplugged, say). */
    void restore(Stage stage) {
        double x = settings.get(UiSetting.WINDOW_X);
        double y = settings.get(UiSetting.WINDOW_Y);
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(x, y, stage.getScene().getWidth(), TITLE_BAR).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(settings.get(UiSetting.WINDOW_MAXIMIZED));
    }

    /** Remembers where the window is and how large, for the next start. */
    void remember(Stage stage) {
        settings.set(UiSetting.WINDOW_WIDTH, stage.getWidth());
        settings.set(UiSetting.WINDOW_HEIGHT, stage.getHeight());
        settings.set(UiSetting.WINDOW_X, stage.getX());
        settings.set(UiSetting.WINDOW_Y, stage.getY());
        settings.set(UiSetting.WINDOW_MAXIMIZED, stage.isMaximized());
    }

    /** A remembered size, or the first-start size before the window was ever closed. */
    private double remembered(UiSetting<Double> size, double firstStart) {
        double value = settings.get(size);
        return Double.isNaN(value) ? firstStart : value;
    }
}
