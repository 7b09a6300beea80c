package org.refusalworkbench.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where view models run their work: {@link BackgroundTask}s on the thread their {@link Lane} names, results back on
 * the UI thread. Hides JavaFX's {@code Task} and {@code Platform.runLater} so view models run in plain JUnit with
 * {@link SameThreadExecutor}.
 */
public interface UiExecutor {

    /** A scheduled action that can still be called off. */
    interface Cancellable {
        void cancel();
    }

    /** Runs the task's work on its lane, then its success or failure handler on the UI thread. */
    <T> void run(BackgroundTask<T> task);

    /** A quick read on {@link Lane#READ}, then {@code onDone} or {@code onError} on the UI thread. */
    default <T> void background(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        BackgroundTask.read(work).onSuccess(onDone).onFailure(onError).runOn(this);
    }

    /** Long work on {@link Lane#IO}, then {@code onDone} or {@code onError} on the UI thread. */
    default <T> void longRunning(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        BackgroundTask.io(work).onSuccess(onDone).onFailure(onError).runOn(this);
    }

    /** Runs {@code action} on the UI thread (soon, if called from another thread). */
    void onUi(Runnable action);

    /** Runs {@code action} on the UI thread after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable action);
}
