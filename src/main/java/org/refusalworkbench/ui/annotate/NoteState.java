package org.refusalworkbench.ui.annotate;

import java.util.function.Consumer;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.refusalworkbench.ui.common.UiExecutor;

/**
 * A note field and what of it is saved. Typing changes {@link #text()} at once; the save (and the undo step) comes
 * when typing pauses or the note is flushed, so undo takes back a burst of typing, not one letter. Until then the
 * note is dirty, and the workspace counts it as a save still to come.
 */
final class NoteState {

    private final StringProperty text = new SimpleStringProperty("");
    private final String label;
    private String committed;
    private UiExecutor.Cancellable pending;
    private boolean applying;

    /**
     * @param onPause called with this note when typing pauses
     * @param onTyping called after each keystroke, at once, so the save state can say a save is pending
     */
    NoteState(String label, String initial, UiExecutor executor, java.time.Duration debounce,
              Consumer<NoteState> onPause, Runnable onTyping) {
        this.label = label;
        this.committed = initial;
        text.set(initial);
        text.addListener((observable, old, current) -> {
            if (applying) {
                return;
            }
            if (pending != null) {
                pending.cancel();
            }
            pending = executor.schedule(debounce, () -> {
                pending = null;
                onPause.accept(this);
            });
            onTyping.run();
        });
    }

    StringProperty text() {
        return text;
    }

    String label() {
        return label;
    }

    String committed() {
        return committed;
    }

    boolean isDirty() {
        return !committed.equals(text.get() == null ? "" : text.get());
    }

    /** Marks the current text as saved and returns it; cancels a pending pause. */
    String commit() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        committed = text.get() == null ? "" : text.get();
        return committed;
    }

    /** Sets text and saved state together (undo, redo), without counting as typing. */
    void apply(String value) {
        applying = true;
        try {
            text.set(value);
            committed = value;
        } finally {
            applying = false;
        }
    }
}
