package org.refusalworkbench.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where view models run their work: I/O in the background, results back on the UI thread. Hides JavaFX's
 * {@code Task} and {@code Platform.runLater} so view models run in plain JUnit with {@link SameThreadExecutor}.
 */
public interface UiExecutor {

    /** A scheduled action that can still be called off. */
    interface Cancellable {
        void cancel();
    }

    /** Runs {@code work} in the background, then {@code onDone} or {@code onError} on the UI thread. */
    <T> void background(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

    /**
     * Like {@link #background} but on a thread of its own, for work that takes seconds (an integrity check, an
     * import, an export): it must not queue the quick reads that keep the labelling view responsive behind it.
     */
    <T> void longRunning(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

    /** Runs {@code action} on the UI thread (soon, if called from another thread). */
    void onUi(Runnable action);

    /** Runs {@code action} on the UI thread after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable action);
}
