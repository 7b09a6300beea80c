package org.refusalworkbench.ui.common;

import java.time.Duration;

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

    /** Runs {@code action} on the UI thread (soon, if called from another thread). */
    void onUi(Runnable action);

    /** Runs {@code action} on the UI thread after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable action);
}
