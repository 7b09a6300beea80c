package org.refusalworkbench.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every fixed shortcut of the workspace, in one place so the help sheet, the menus and the collision test read the
 * same table. Taxonomy options add their own one-key hotkeys on top (see {@link BindingTable}).
 */
public enum KeyBinding {
    NEXT_PROMPT("Next prompt", KeyCode.PAGE_DOWN, false, false, false),
    PREVIOUS_PROMPT("Previous prompt", KeyCode.PAGE_UP, false, false, false),
    NEXT_UNFINISHED("Next prompt I have not marked done", KeyCode.N, false, false, false),
    MARK_DONE("Mark prompt done / not done (and go to the next unfinished)", KeyCode.ENTER, true, false, true),
    NEXT_COLUMN("Next response column", KeyCode.TAB, false, false, false),
    PREVIOUS_COLUMN("Previous response column", KeyCode.TAB, false, true, false),
    COLUMN_1("Response column 1", KeyCode.DIGIT1, true, false, true),
    COLUMN_2("Response column 2", KeyCode.DIGIT2, true, false, true),
    COLUMN_3("Response column 3", KeyCode.DIGIT3, true, false, true),
    COLUMN_4("Response column 4", KeyCode.DIGIT4, true, false, true),
    COLUMN_5("Response column 5", KeyCode.DIGIT5, true, false, true),
    COLUMN_6("Response column 6", KeyCode.DIGIT6, true, false, true),
    UNDO("Undo the last label or note change", KeyCode.Z, true, false, false),
    REDO("Redo", KeyCode.Z, true, true, false),
    EDIT_INTENT_NOTE("Write the intent note", KeyCode.I, true, false, true),
    EDIT_RESPONSE_NOTE("Write a note on the active response", KeyCode.E, true, false, true),
    LEAVE_NOTE("Leave the note (hotkeys work again)", KeyCode.ESCAPE, false, false, true),
    FIND("Search the prompt queue", KeyCode.F, true, false, true),
    TOGGLE_HIGHLIGHT("Highlight likely refusal phrases on/off", KeyCode.H, true, false, true),
    TOGGLE_BLIND("Blind mode on/off", KeyCode.B, true, true, true),
    // The window's View menu acts on these (in review mode too); they are here for the help sheet and collisions.
    TEXT_LARGER("Larger text for prompts and responses", KeyCode.EQUALS, true, false, true),
    TEXT_SMALLER("Smaller text for prompts and responses", KeyCode.MINUS, true, false, true),
    TEXT_NORMAL("Normal text size", KeyCode.DIGIT0, true, false, true),
    SHOW_HELP("Show all key bindings (also ?)", KeyCode.F1, false, false, true);

    private final String description;
    private final KeyStroke stroke;
    private final boolean whileTyping;

    KeyBinding(String description, KeyCode code, boolean shortcut, boolean shift, boolean whileTyping) {
        this.description = description;
        this.stroke = new KeyStroke(code, shortcut, shift);
        this.whileTyping = whileTyping;
    }

    public String description() {
        return description;
    }

    /** Whether it also fires while the focus is in a note; plain keys never do, so typing stays typing. */
    public boolean firesWhileTyping() {
        return whileTyping;
    }

    /** Exact match: a plain key matches only with no modifier held. */
    public boolean matches(KeyEvent event) {
        return stroke.matches(event);
    }

    /** The same key identity as {@link BindingTable} uses to find collisions. */
    public KeyStroke stroke() {
        return stroke;
    }

    public String displayText() {
        return stroke().displayText();
    }

    /** A key plus modifiers, comparable without the JavaFX toolkit. */
    public record KeyStroke(KeyCode code, boolean shortcut, boolean shift) {

        /** Exact match: a plain key matches only with no modifier held. */
        public boolean matches(KeyEvent event) {
            return event.getCode() == code && event.isShiftDown() == shift && event.isShortcutDown() == shortcut
                    && !event.isAltDown() && (shortcut || !event.isControlDown() && !event.isMetaDown());
        }

        public String displayText() {
            boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
            String key = switch (code) {
                case EQUALS -> "=";
                case MINUS -> "-";
                default -> code.getName();
            };
            return (shortcut ? (mac ? "⌘" : "Ctrl+") : "") + (shift ? (mac ? "⇧" : "Shift+") : "") + key;
        }

        /** The same keys as a menu accelerator. */
        public KeyCombination combination() {
            List<KeyCombination.Modifier> modifiers = new ArrayList<>();
            if (shortcut) {
                modifiers.add(KeyCombination.SHORTCUT_DOWN);
            }
            if (shift) {
                modifiers.add(KeyCombination.SHIFT_DOWN);
            }
            return new KeyCodeCombination(code, modifiers.toArray(KeyCombination.Modifier[]::new));
        }
    }
}
