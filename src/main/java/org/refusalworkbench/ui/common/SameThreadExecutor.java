package org.refusalworkbench.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * For tests and benchmarks: background work runs at once on the calling thread, and the lane of each task is
 * recorded so a test can tell where the desktop executor would have run it. Actions posted from other threads
 * (the database writer's completions) and timers wait until {@link #runPending()} or {@link #runTimers()}, so a test
 * decides when they happen and sees no races.
 */
public final class SameThreadExecutor implements UiExecutor {

    private final Thread owner = Thread.currentThread();
    private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
    private final List<Runnable> timers = new ArrayList<>();
    private final List<Lane> lanes = new ArrayList<>();

    @Override
    public <T> void run(BackgroundTask<T> task) {
        lanes.add(task.lane());
        T result;
        try {
            result = task.call();
        } catch (Exception failure) {
            task.failed(failure);
            return;
        }
        task.succeeded(result);
    }

    /** The lanes of the tasks run so far, in order. */
    public List<Lane> lanesRun() {
        return List.copyOf(lanes);
    }

    @Override
    public void onUi(Runnable action) {
        if (Thread.currentThread() == owner) {
            action.run();
        } else {
            posted.add(action);
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        timers.add(action);
        return () -> timers.remove(action);
    }

    /** Runs the actions other threads posted so far. */
    public void runPending() {
        Runnable action;
        while ((action = posted.poll()) != null) {
            action.run();
        }
    }

    /** Fires every scheduled timer now, as if its delay had passed. */
    public void runTimers() {
        List<Runnable> due = new ArrayList<>(timers);
        timers.clear();
        due.forEach(Runnable::run);
    }
}
