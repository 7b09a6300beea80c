package org.refusalworkbench.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;

import com.sun.javafx.perf.PerformanceTracker;

import org.refusalworkbench.AppContext;
import org.refusalworkbench.project.DataFolder;
import org.refusalworkbench.ui.MainWindow;
import org.refusalworkbench.ui.annotate.AnnotationViewModel;
import org.refusalworkbench.ui.common.FxExecutor;
import org.refusalworkbench.ui.common.UiSetting;
import org.refusalworkbench.ui.common.UiSettings;

/**
 * What a labeller feels, frame-timed: the real main window at 1366×768 on a project, keys pressed through the
 * windowing system (JavaFX's Robot, so each goes through X, the toolkit's event queue and the app's key dispatch),
 * and for each the time until the frame that shows its effect has been rendered. A frame is known to show it when
 * a pulse's layout saw the new state (a post-layout pulse listener) and the renderer then finished that pulse's
 * frame (the scene's performance tracker, called on the render thread).
 *
 * <p>Measured: PgDn to the next prompt's frame (goal p95 ≤ 100 ms), an option hotkey to the frame with its button
 * ticked (goal p95 ≤ 50 ms), and as the yardstick in the same run a key that changes nothing on screen but one
 * invisible pixel (the cost of a key and a frame themselves).
 *
 * <pre>java -Dprism.order=sw -cp … org.refusalworkbench.bench.FrameTimingBenchmark PROJECT ANNOTATOR STEPS</pre>
 */
public final class FrameTimingBenchmark {

    /** The app as the benchmark runs it; a main class that is itself an Application needs JavaFX as modules. */
    public static final class Run extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            new FrameTimingBenchmark().start(stage);
        }
    }


    private static final long PAUSE_MS = 120;
    private static String[] arguments;

    private Scene scene;
    private AnnotationViewModel workspace;
    private Robot robot;
    private final javafx.scene.shape.Rectangle pixel = new javafx.scene.shape.Rectangle(1, 1);
    /** Set on the UI thread when a pulse's layout has seen the awaited state; the next rendered frame ends a step. */
    private volatile CompletableFuture<Long> awaitingFrame;
    private volatile BooleanSupplier awaitedState;
    private volatile boolean stateLaidOut;

    public static void main(String[] args) {
        arguments = args;
        Application.launch(Run.class, args);
    }

    private void start(Stage stage) throws Exception {
        Path project = Path.of(arguments[0]);
        String annotator = arguments.length > 1 ? arguments[1] : "bench";
        int steps = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 200;
        Path data = Files.createTempDirectory("rw-frame-bench");
        System.setProperty(DataFolder.PROPERTY, data.toString());
        AppContext context = AppContext.forDesktop();
        UiSettings settings = new UiSettings(data.resolve(UiSettings.FILE_NAME));
        settings.set(UiSetting.WINDOW_WIDTH, 1366.0);
        settings.set(UiSetting.WINDOW_HEIGHT, 768.0);
        settings.set(UiSetting.WINDOW_X, 0.0);
        settings.set(UiSetting.WINDOW_Y, 0.0);
        FxExecutor executor = new FxExecutor();
        MainWindow window = new MainWindow(context, settings, executor, stage);
        stage.show();
        scene = stage.getScene();
        robot = new Robot();
        // Laid out each pulse, changed by the yardstick key: a frame's worth of work with nothing else to redraw.
        pixel.setOpacity(0.01);
        pixel.setManaged(false);
        ((javafx.scene.layout.Pane) scene.getRoot()).getChildren().add(pixel);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.F12) {
                pixel.setX(pixel.getX() == 0 ? 1 : 0);
            }
        });
        scene.addPostLayoutPulseListener(() -> {
            if (awaitedState != null && !stateLaidOut && awaitedState.getAsBoolean()) {
                stateLaidOut = true;
            }
        });
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
            CompletableFuture<Long> waiting = awaitingFrame;
            if (waiting != null && stateLaidOut) {
                awaitingFrame = null;
                waiting.complete(System.nanoTime());
            }
        });
        long opened = System.nanoTime();
        window.open(project, annotator);
        Thread bench = new Thread(() -> run(window, steps, opened), "frame-bench");
        bench.setDaemon(true);
        bench.start();
    }

    private void run(MainWindow window, int steps, long opened) {
        try {
            waitFor(() -> onFx(() -> window.workspace() != null && window.workspace().promptProperty().get() != null
                    && !window.workspace().columns().isEmpty()));
            workspace = onFx(window::workspace);
            // Diagnosis only: -DframeBench.hide=.queue-slot,#column-1 hides those nodes, to see what a frame costs
            // without them.
            for (String selector : System.getProperty("frameBench.hide", "").split(",")) {
                if (!selector.isBlank()) {
                    onFx(() -> {
                        scene.getRoot().lookupAll(selector.strip()).forEach(node -> node.setVisible(false));
                        return null;
                    });
                }
            }
            System.out.printf(Locale.ROOT, "project opened, first prompt in the view after %.0f ms%n",
                    (System.nanoTime() - opened) / 1e6);
            Thread.sleep(1500);      // the queue is built after the first frame; let that and the JIT settle
            for (int i = 0; i < 20; i++) {          // warm-up, not counted
                nextPrompt();
                tick();
                yardstick();
            }
            List<Double> next = new ArrayList<>();
            List<Double> ticks = new ArrayList<>();
            List<Double> yardstick = new ArrayList<>();
            for (int i = 0; i < steps; i++) {
                next.add(nextPrompt());
                ticks.add(tick());
                yardstick.add(yardstick());
            }
            report("next prompt (PgDn) to its frame", next, 100);
            report("option hotkey to the frame with it ticked", ticks, 50);
            report("yardstick: a key that moves one invisible pixel, to its frame", yardstick, Double.NaN);
            System.out.printf(Locale.ROOT, "heap used at the end: %d MB%n", (Runtime.getRuntime().totalMemory()
                    - Runtime.getRuntime().freeMemory()) >> 20);
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.runLater(() -> {
                window.saveBeforeClosing();
                // Not Platform.exit(): closing the window under Xvfb without a window manager crashed GTK's glass.
                System.exit(0);
            });
        }
    }

    private double nextPrompt() throws Exception {
        long before = onFx(() -> workspace.promptProperty().get().id());
        long start = System.nanoTime();
        long frame = step(() -> press(KeyCode.PAGE_DOWN), () -> {
            long shown = workspace.promptProperty().get().id();
            return shown != before && !workspace.columns().isEmpty()
                    && workspace.columns().get(0).response().promptId() == shown && columnOnScreen(shown);
        });
        Thread.sleep(PAUSE_MS);
        return (frame - start) / 1e6;
    }

    private double tick() throws Exception {
        boolean was = onFx(() -> firstOption().isSelected());
        long start = System.nanoTime();
        long frame = step(() -> press(KeyCode.DIGIT1), () -> firstOption().isSelected() != was);
        Thread.sleep(PAUSE_MS);
        return (frame - start) / 1e6;
    }

    private double yardstick() throws Exception {
        double was = onFx(pixel::getX);
        long start = System.nanoTime();
        long frame = step(() -> press(KeyCode.F12), () -> pixel.getX() != was);
        Thread.sleep(PAUSE_MS);
        return (frame - start) / 1e6;
    }

    /** The first column's view on screen belongs to the prompt shown: the old prompt's view has been replaced. */
    private boolean columnOnScreen(long promptId) {
        Node column = scene.lookup("#column-0");
        return column != null && column.getScene() != null
                && workspace.columns().get(0).response().promptId() == promptId;
    }

    private ToggleButton firstOption() {
        Node column = scene.lookup("#column-0");
        return (ToggleButton) column.lookup("#option-response_type-full_compliance");
    }

    private void press(KeyCode key) {
        robot.keyPress(key);
        robot.keyRelease(key);
    }

    /** Runs {@code action} on the UI thread and waits for the rendered frame that shows {@code state}. */
    private long step(Runnable action, BooleanSupplier state) throws Exception {
        CompletableFuture<Long> frame = new CompletableFuture<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.runLater(() -> {
            stateLaidOut = false;
            awaitedState = state;
            awaitingFrame = frame;
            action.run();
            started.complete(null);
        });
        started.get(10, TimeUnit.SECONDS);
        try {
            return frame.get(30, TimeUnit.SECONDS);
        } finally {
            awaitedState = null;
        }
    }

    private static void report(String what, List<Double> millis, double goal) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: median %.1f ms, p95 %.1f ms, max %.1f ms (%d steps)%s%n", what,
                percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1), sorted.size(),
                Double.isNaN(goal) ? "" : String.format(Locale.ROOT, "; goal p95 <= %.0f ms", goal));
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        CompletableFuture<T> value = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                value.complete(read.call());
            } catch (Exception e) {
                value.completeExceptionally(e);
            }
        });
        return value.get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the project did not open within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
