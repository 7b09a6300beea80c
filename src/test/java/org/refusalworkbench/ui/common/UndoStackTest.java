package org.refusalworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class UndoStackTest {

    private final List<String> log = new ArrayList<>();

    @Test
    void undoThenRedoReplaysAndANewCommandDropsTheRedoBranch() {
        UndoStack stack = new UndoStack();
        stack.execute(command("a"));
        stack.execute(command("b"));
        stack.undo();
        assertThat(stack.canRedoProperty().get()).isTrue();
        stack.redo();
        stack.undo();
        stack.execute(command("c"));

        assertThat(log).containsExactly("do a", "do b", "undo b", "do b", "undo b", "do c");
        assertThat(stack.canRedoProperty().get()).isFalse();
        assertThat(stack.undoDescriptionProperty().get()).isEqualTo("c");
    }

    private UndoableCommand command(String name) {
        return new UndoableCommand() {
            @Override
            public void execute() {
                log.add("do " + name);
            }

            @Override
            public void undo() {
                log.add("undo " + name);
            }

            @Override
            public String description() {
                return name;
            }
        };
    }
}
