package org.refusalworkbench.ui.review;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;
import org.refusalworkbench.ui.common.BindingTable;
import org.refusalworkbench.ui.common.KeyBinding;

/** The fixed keys of review mode; the taxonomy's option hotkeys edit the gold label on top of these. */
public enum ReviewKey {
    ACCEPT_MAJORITY("Accept the annotators' majority as gold and save it", KeyCode.M, false, false, false),
    SAVE_GOLD("Save the gold label with its reason (and go to the next response)", KeyCode.ENTER, true, false, true),
    NEXT_RESPONSE("Next response in the queue", KeyCode.PAGE_DOWN, false, false, false),
    PREVIOUS_RESPONSE("Previous response in the queue", KeyCode.PAGE_UP, false, false, false),
    EDIT_REASON("Write the reason for the gold label", KeyCode.E, true, false, true),
    LEAVE_REASON("Leave the reason (hotkeys work again)", KeyCode.ESCAPE, false, false, true),
    SHOW_REVIEW("Show the review queue", KeyCode.DIGIT1, true, false, true),
    SHOW_AGREEMENT("Show the agreement dashboard", KeyCode.DIGIT2, true, false, true),
    SHOW_CALIBRATION("Show the calibration report", KeyCode.DIGIT3, true, false, true),
    SHOW_HELP("Show all key bindings (also ?)", KeyCode.F1, false, false, true);

    private final String description;
    private final KeyBinding.KeyStroke stroke;
    private final boolean whileTyping;

    ReviewKey(String description, KeyCode code, boolean shortcut, boolean shift, boolean whileTyping) {
        this.description = description;
        this.stroke = new KeyBinding.KeyStroke(code, shortcut, shift);
        this.whileTyping = whileTyping;
    }

    public String description() {
        return description;
    }

    public boolean firesWhileTyping() {
        return whileTyping;
    }

    public boolean matches(KeyEvent event) {
        return stroke.matches(event);
    }

    public KeyBinding.KeyStroke stroke() {
        return stroke;
    }

    public String displayText() {
        return stroke().displayText();
    }

    /** The help sheet of review mode: gold-label hotkeys, then the fixed keys. */
    public static BindingTable table(Taxonomy taxonomy) {
        List<BindingTable.Row> rows = new ArrayList<>();
        for (TaxonomyGroup group : taxonomy.groups(GroupLevel.RESPONSE)) {
            for (TaxonomyOption option : group.options()) {
                rows.add(new BindingTable.Row(BindingTable.hotkeyStroke(option.hotkey()),
                        "Gold: " + option.label(), group.label()));
            }
        }
        for (ReviewKey key : values()) {
            rows.add(new BindingTable.Row(key.stroke(), key.description(), "Review"));
        }
        return BindingTable.of(rows);
    }
}
