package org.refusalworkbench.ui.common;

import java.util.Arrays;

import javafx.scene.Parent;

/**
 * How large prompts and responses are set, for hours of reading: five steps around the normal size. Each step is a
 * style class on the window's root by which app.css sizes the reading text; the rest of the window keeps its size,
 * so columns, options and their keys stay where labellers expect them.
 */
public enum TextSize {
    SMALL, NORMAL, LARGE, LARGER, LARGEST;

    public TextSize larger() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }

    public TextSize smaller() {
        return values()[Math.max(ordinal() - 1, 0)];
    }

    public String styleClass() {
        return "text-size-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Puts this step's style class on {@code root} in place of any other step's. */
    public void applyTo(Parent root) {
        root.getStyleClass().removeAll(Arrays.stream(values()).map(TextSize::styleClass).toList());
        root.getStyleClass().add(styleClass());
    }

    /** The step named {@code name}; normal for anything else (a setting from another version, say). */
    public static TextSize parse(String name) {
        return Arrays.stream(values()).filter(size -> size.name().equals(name)).findFirst().orElse(NORMAL);
    }
}
