package org.refusalworkbench.ui.annotate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.refusalworkbench.ui.common.UiExecutor;

/**
 * The labelling view's save state, kept honest: "saved" only when no write is in flight and no note waits for its
 * pause; a failed write stays shown as NOT SAVED with its reason until the labeller sees it.
 */
final class SaveTracker {

    private final UiExecutor executor;
    private final BooleanSupplier notesPending;
    private final ReadOnlyObjectWrapper<SaveState> state = new ReadOnlyObjectWrapper<>(SaveState.SAVED);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final Set<CompletableFuture<?>> inFlight = new HashSet<>();
    /** Completes once a write's outcome has been handed to the UI thread; what {@link #allReported()} waits for. */
    private final List<CompletableFuture<Void>> reporting = new ArrayList<>();

    /** @param notesPending whether a note has been typed and not yet written */
    SaveTracker(UiExecutor executor, BooleanSupplier notesPending) {
        this.executor = executor;
        this.notesPending = notesPending;
    }

    /** Follows one write until it is committed or has failed. */
    void track(CompletableFuture<?> write) {
        inFlight.add(write);
        state.set(SaveState.SAVING);
        CompletableFuture<Void> reported = write.handle((result, failure) -> failure).thenAccept(failure ->
                executor.onUi(() -> {
                    inFlight.remove(write);
                    if (failure != null) {
                        state.set(SaveState.FAILED);
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        problem.set(cause.getMessage());
                    } else {
                        settle();
                    }
                }));
        reporting.add(reported);
    }

    /** A keystroke in a note: the note is a save still to come, so nothing may claim to be saved meanwhile. */
    void noteTyped() {
        if (notesPending.getAsBoolean()) {
            state.set(SaveState.SAVING);
        } else {
            settle();
        }
    }

    /** Saved once the last write is committed and no note waits for its pause; a failure stays shown. */
    private void settle() {
        if (inFlight.isEmpty() && !notesPending.getAsBoolean() && state.get() != SaveState.FAILED) {
            state.set(SaveState.SAVED);
        }
    }

    /** Completes when the outcome of every write so far has reached the UI thread. */
    CompletableFuture<Void> allReported() {
        reporting.removeIf(CompletableFuture::isDone);
        return CompletableFuture.allOf(reporting.toArray(CompletableFuture[]::new));
    }

    ReadOnlyObjectProperty<SaveState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
