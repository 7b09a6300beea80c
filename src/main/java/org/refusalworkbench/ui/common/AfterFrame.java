package org.refusalworkbench.ui.common;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;

/**
 * Runs work once a frame has reached the screen. JavaFX draws a frame at the end of a pulse, so the second pulse
 * from now comes after the next frame was drawn: work that would delay that frame (building a long list) or that
 * measures it (the start-up benchmark) waits for that pulse.
 */
public final class AfterFrame {

    private AfterFrame() {
    }

    /** Runs {@code action} after the next frame has been drawn. */
    public static void next(Runnable action) {
        start(null, action);
    }

    /**
     * Runs {@code action} after a frame has been drawn with {@code node} in a showing window; counts no pulse
     * before it is shown, and gives up if it leaves the screen first (replaced by another view, say).
     */
    public static void withShown(Node node, Runnable action) {
        start(node, action);
    }

    private static void start(Node node, Runnable action) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                boolean showing = node == null || isShowing(node);
                if (!showing && pulses > 0) {
                    stop();
                } else if (showing && ++pulses >= 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    private static boolean isShowing(Node node) {
        return node.getScene() != null && node.getScene().getWindow() != null
                && node.getScene().getWindow().isShowing();
    }
}
