package org.refusalworkbench.ui.common;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a key binding acts. A mode listens to some categories: labelling to {@link #LABELLING}, review to
 * {@link #REVIEW}, and both to {@link #VIEW} and {@link #GENERAL}. Two bindings may share a key only if no mode
 * listens to both of their categories; the collision test checks each mode's table.
 */
public enum KeyBindingCategory {
    LABELLING("Labelling"),
    REVIEW("Review"),
    /** The View menu's keys: the text size of prompts and responses, in every mode. */
    VIEW("View"),
    GENERAL("Anywhere");

    private final String displayName;

    KeyBindingCategory(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The categories labelling listens to. */
    public static Set<KeyBindingCategory> labelling() {
        return EnumSet.of(LABELLING, VIEW, GENERAL);
    }

    /** The categories review listens to. */
    public static Set<KeyBindingCategory> review() {
        return EnumSet.of(REVIEW, VIEW, GENERAL);
    }
}
