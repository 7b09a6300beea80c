package org.refusalworkbench.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Work for a background thread as a value: what to compute, on which {@link Lane}, and what to do with the result
 * or the failure on the UI thread. Built as {@code BackgroundTask.read(() -> …).onSuccess(…).onFailure(…)} and
 * started with {@link #runOn(UiExecutor)}; tests run it with {@link SameThreadExecutor}, which does the work at
 * once and records the lane.
 *
 * <p>A task without a failure handler is refused when started: a failed read must reach the labeler, never vanish.
 *
 * @param <T> the result of the work
 */
public final class BackgroundTask<T> {

    private final Lane lane;
    private final Callable<T> work;
    private final Consumer<? super T> onSuccess;
    private final Consumer<Throwable> onFailure;

    private BackgroundTask(Lane lane, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        this.lane = Objects.requireNonNull(lane, "lane");
        this.work = Objects.requireNonNull(work, "work");
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
    }

    /** A quick read of the open project ({@link Lane#READ}). */
    public static <T> BackgroundTask<T> read(Callable<T> work) {
        return new BackgroundTask<>(Lane.READ, work, result -> { }, null);
    }

    /** Processor work on data already read ({@link Lane#COMPUTE}). */
    public static <T> BackgroundTask<T> compute(Callable<T> work) {
        return new BackgroundTask<>(Lane.COMPUTE, work, result -> { }, null);
    }

    /** Long file or database work ({@link Lane#IO}). */
    public static <T> BackgroundTask<T> io(Callable<T> work) {
        return new BackgroundTask<>(Lane.IO, work, result -> { }, null);
    }

    /** What to do with the result, on the UI thread. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        return new BackgroundTask<>(lane, work, Objects.requireNonNull(action, "action"), onFailure);
    }

    /** What to do when the work throws, on the UI thread. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        return new BackgroundTask<>(lane, work, onSuccess, Objects.requireNonNull(action, "action"));
    }

    /** Starts the task; the executor chooses the thread from the lane. */
    public void runOn(UiExecutor executor) {
        if (onFailure == null) {
            throw new IllegalStateException("a background task needs a failure handler");
        }
        executor.run(this);
    }

    public Lane lane() {
        return lane;
    }

    /** Does the work, on whatever thread the executor chose. */
    T call() throws Exception {
        return work.call();
    }

    void succeeded(T result) {
        onSuccess.accept(result);
    }

    void failed(Throwable failure) {
        onFailure.accept(failure);
    }

    /** The work, then the matching handler through {@code toUi}: the body of every executor's thread. */
    Runnable body(Consumer<Runnable> toUi) {
        return () -> {
            T result;
            try {
                result = call();
            } catch (Throwable failure) {
                toUi.accept(() -> failed(failure));
                return;
            }
            toUi.accept(() -> succeeded(result));
        };
    }
}
