package org.refusalworkbench.ui.common;

import static org.refusalworkbench.ui.common.KeyBindingCategory.GENERAL;
import static org.refusalworkbench.ui.common.KeyBindingCategory.LABELLING;
import static org.refusalworkbench.ui.common.KeyBindingCategory.REVIEW;
import static org.refusalworkbench.ui.common.KeyBindingCategory.VIEW;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every fixed shortcut of the app, labelling and review alike, in one place so the help sheets, the menus, the
 * dispatcher and the collision test read the same table. Each has a {@link KeyBindingCategory} saying in which mode it
 * acts. Taxonomy options add their own one-key hotkeys on top (see {@link BindingTable}).
 */
public enum KeyBinding {
    NEXT_PROMPT(LABELLING, "Next prompt", KeyCode.PAGE_DOWN, false, false, false),
    PREVIOUS_PROMPT(LABELLING, "Previous prompt", KeyCode.PAGE_UP, false, false, false),
    NEXT_UNFINISHED(LABELLING, "Next prompt I have not marked done", KeyCode.N, false, false, false),
    MARK_DONE(LABELLING, "Mark prompt done / not done (and go to the next unfinished)", KeyCode.ENTER, true, false,
            true),
    NEXT_COLUMN(LABELLING, "Next response column", KeyCode.TAB, false, false, false),
    PREVIOUS_COLUMN(LABELLING, "Previous response column", KeyCode.TAB, false, true, false),
    COLUMN_1(LABELLING, "Response column 1", KeyCode.DIGIT1, true, false, true),
    COLUMN_2(LABELLING, "Response column 2", KeyCode.DIGIT2, true, false, true),
    COLUMN_3(LABELLING, "Response column 3", KeyCode.DIGIT3, true, false, true),
    COLUMN_4(LABELLING, "Response column 4", KeyCode.DIGIT4, true, false, true),
    COLUMN_5(LABELLING, "Response column 5", KeyCode.DIGIT5, true, false, true),
    COLUMN_6(LABELLING, "Response column 6", KeyCode.DIGIT6, true, false, true),
    SCROLL_DOWN(LABELLING, "Scroll the active response down a screen", KeyCode.DOWN, true, false, false),
    SCROLL_UP(LABELLING, "Scroll the active response up a screen", KeyCode.UP, true, false, false),
    UNDO(LABELLING, "Undo the last label or note change", KeyCode.Z, true, false, false),
    REDO(LABELLING, "Redo", KeyCode.Z, true, true, false),
    EDIT_INTENT_NOTE(LABELLING, "Write the intent note", KeyCode.I, true, false, true),
    EDIT_RESPONSE_NOTE(LABELLING, "Write a note on the active response", KeyCode.E, true, false, true),
    LEAVE_NOTE(LABELLING, "Leave the note (hotkeys work again)", KeyCode.ESCAPE, false, false, true),
    FIND(LABELLING, "Search the prompt queue", KeyCode.F, true, false, true),
    TOGGLE_HIGHLIGHT(LABELLING, "Highlight likely refusal phrases on/off", KeyCode.H, true, false, true),
    TOGGLE_FORMATTED(LABELLING, "Responses' Markdown formatted / as written", KeyCode.M, true, false, true),
    TOGGLE_BLIND(LABELLING, "Blind mode on/off", KeyCode.B, true, true, true),

    ACCEPT_MAJORITY(REVIEW, "Accept the annotators' majority as gold and save it", KeyCode.M, false, false, false),
    SAVE_GOLD(REVIEW, "Save the gold label with its reason (and go to the next response)", KeyCode.ENTER, true,
            false, true),
    NEXT_RESPONSE(REVIEW, "Next response in the queue", KeyCode.PAGE_DOWN, false, false, false),
    PREVIOUS_RESPONSE(REVIEW, "Previous response in the queue", KeyCode.PAGE_UP, false, false, false),
    SCROLL_RESPONSE_DOWN(REVIEW, "Scroll the response down a screen", KeyCode.DOWN, true, false, false),
    SCROLL_RESPONSE_UP(REVIEW, "Scroll the response up a screen", KeyCode.UP, true, false, false),
    UNDO_GOLD(REVIEW, "Undo the last gold label change (saved ones too)", KeyCode.Z, true, false, false),
    REDO_GOLD(REVIEW, "Redo the gold label change", KeyCode.Z, true, true, false),
    EDIT_REASON(REVIEW, "Write the reason for the gold label", KeyCode.E, true, false, true),
    LEAVE_REASON(REVIEW, "Leave the reason (hotkeys work again)", KeyCode.ESCAPE, false, false, true),
    SHOW_REVIEW(REVIEW, "Show the review queue", KeyCode.DIGIT1, true, false, true),
    SHOW_AGREEMENT(REVIEW, "Show the agreement dashboard", KeyCode.DIGIT2, true, false, true),
    SHOW_CALIBRATION(REVIEW, "Show the calibration report", KeyCode.DIGIT3, true, false, true),
    SHOW_JUDGES(REVIEW, "Show the judges against the final labels", KeyCode.DIGIT4, true, false, true),

    // The window's View menu acts on these through its accelerators; they are here for the sheets and collisions.
    TEXT_LARGER(VIEW, "Larger text for prompts and responses", KeyCode.EQUALS, true, false, true),
    TEXT_SMALLER(VIEW, "Smaller text for prompts and responses", KeyCode.MINUS, true, false, true),
    TEXT_NORMAL(VIEW, "Normal text size", KeyCode.DIGIT0, true, false, true),

    SHOW_HELP(GENERAL, "Show all key bindings (also ?)", KeyCode.F1, false, false, true),
    SHOW_GUIDE(GENERAL, "Open or close the taxonomy guide: guidelines, definitions and rules", KeyCode.F2, false,
            false, true);

    private final KeyBindingCategory category;
    private final String description;
    private final KeyStroke stroke;
    private final boolean whileTyping;

    KeyBinding(KeyBindingCategory category, String description, KeyCode code, boolean shortcut, boolean shift,
               boolean whileTyping) {
        this.category = category;
        this.description = description;
        this.stroke = new KeyStroke(code, shortcut, shift);
        this.whileTyping = whileTyping;
    }

    public KeyBindingCategory category() {
        return category;
    }

    /** The bindings of these categories, in declaration order: what one mode listens to. */
    public static List<KeyBinding> of(Set<KeyBindingCategory> categories) {
        return Arrays.stream(values()).filter(binding -> categories.contains(binding.category)).toList();
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
