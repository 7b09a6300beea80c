package org.refusalworkbench.ui.common;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

/**
 * The desktop executor. {@link Lane#READ}: one thread, since reads share one connection anyway.
 * {@link Lane#COMPUTE}: one thread below normal priority, so the bootstrap leaves the UI thread its core.
 * {@link Lane#IO}: a thread of its own per task. And a timer.
 */
public final class FxExecutor implements UiExecutor, AutoCloseable {

    private final ExecutorService reads = Executors.newSingleThreadExecutor(daemon("ui-read", Thread.NORM_PRIORITY));
    private final ExecutorService computing = Executors.newSingleThreadExecutor(daemon("ui-compute",
            Thread.NORM_PRIORITY - 1));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("ui-timer",
            Thread.NORM_PRIORITY));

    @Override
    public <T> void run(BackgroundTask<T> task) {
        Runnable body = task.body(Platform::runLater);
        switch (task.lane()) {
            case READ -> reads.execute(body);
            case COMPUTE -> computing.execute(body);
            case IO -> {
                Thread thread = new Thread(body, "ui-io");
                thread.setDaemon(true);
                thread.start();
            }
        }
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
        reads.shutdownNow();
        computing.shutdownNow();
        timer.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name, int priority) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.setPriority(priority);
            return thread;
        };
    }
}
