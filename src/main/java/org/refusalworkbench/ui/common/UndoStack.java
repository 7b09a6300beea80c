package org.refusalworkbench.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Undo and redo as commands on two stacks; {@code canUndo}/{@code canRedo} drive the menu items. */
public final class UndoStack {

    private final Deque<UndoableCommand> done = new ArrayDeque<>();
    private final Deque<UndoableCommand> undone = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper("");

    /** Executes a command and makes it the one to undo next. */
    public void execute(UndoableCommand command) {
        command.execute();
        record(command);
    }

    /** Records a command whose effect already happened (a note typed into a field). */
    public void record(UndoableCommand command) {
        done.push(command);
        undone.clear();
        update();
    }

    public boolean undo() {
        if (done.isEmpty()) {
            return false;
        }
        UndoableCommand command = done.pop();
        command.undo();
        undone.push(command);
        update();
        return true;
    }

    public boolean redo() {
        if (undone.isEmpty()) {
            return false;
        }
        UndoableCommand command = undone.pop();
        command.execute();
        done.push(command);
        update();
        return true;
    }

    public void clear() {
        done.clear();
        undone.clear();
        update();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    private void update() {
        canUndo.set(!done.isEmpty());
        canRedo.set(!undone.isEmpty());
        undoDescription.set(done.isEmpty() ? "" : done.peek().description());
        redoDescription.set(undone.isEmpty() ? "" : undone.peek().description());
    }
}
