package org.refusalworkbench.ui.common;

/** One user edit that can be taken back and done again. */
public interface UndoableCommand {

    /** Applies the edit; also called for redo. */
    void execute();

    void undo();

    /** What the edit was, for menu items ("Undo Full refusal"). */
    String description();
}
