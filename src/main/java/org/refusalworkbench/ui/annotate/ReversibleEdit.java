package org.refusalworkbench.ui.annotate;

import org.refusalworkbench.ui.common.UndoableCommand;

/** A labelling edit whose do and undo differ only in direction: a toggled option, an edited note. */
abstract class ReversibleEdit implements UndoableCommand {

    private final String description;

    ReversibleEdit(String description) {
        this.description = description;
    }

    /** Applies the edit ({@code forward}) or takes it back, and saves the result. */
    abstract void apply(boolean forward);

    @Override
    public void execute() {
        apply(true);
    }

    @Override
    public void undo() {
        apply(false);
    }

    @Override
    public String description() {
        return description;
    }
}
