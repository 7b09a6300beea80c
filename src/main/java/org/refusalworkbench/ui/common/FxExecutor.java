package org.refusalworkbench.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.application.Platform;

/** The desktop executor: one background thread for reads (they share one connection anyway) and a timer. */
public final class FxExecutor implements UiExecutor, AutoCloseable {

    private final ExecutorService background = Executors.newSingleThreadExecutor(daemon("ui-background"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("ui-timer"));

    @Override
    public <T> void background(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        background.execute(task(work, onDone, onError));
    }

    @Override
    public <T> void longRunning(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        Thread thread = new Thread(task(work, onDone, onError), "ui-long-running");
        thread.setDaemon(true);
        thread.start();
    }

    private static <T> Runnable task(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        return () -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable failure) {
                Platform.runLater(() -> onError.accept(failure));
                return;
            }
            Platform.runLater(() -> onDone.accept(result));
        };
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        ScheduledFuture<?> future = timer.schedule(() -> Platform.runLater(action), delay.toMillis(),
                TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        background.shutdownNow();
        timer.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
