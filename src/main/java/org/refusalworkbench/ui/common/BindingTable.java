package org.refusalworkbench.ui.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.scene.input.KeyCode;

import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;

/** All key bindings of one mode for one taxonomy: the fixed ones and every option's hotkey. */
public final class BindingTable {

    /** One line of the help sheet. */
    public record Row(KeyBinding.KeyStroke stroke, String action, String section) {
    }

    private final List<Row> rows;

    private BindingTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Labelling: every option's hotkey, then the fixed keys labelling listens to. */
    public static BindingTable forLabelling(Taxonomy taxonomy) {
        List<Row> rows = new ArrayList<>();
        for (TaxonomyGroup group : taxonomy.groups()) {
            for (TaxonomyOption option : group.options()) {
                rows.add(new Row(hotkeyStroke(option.hotkey()), option.label(), group.label()));
            }
        }
        addFixed(rows, KeyBindingCategory.labelling());
        return new BindingTable(rows);
    }

    /** Review: the response options' hotkeys edit the gold label; then the fixed keys review listens to. */
    public static BindingTable forReview(Taxonomy taxonomy) {
        List<Row> rows = new ArrayList<>();
        for (TaxonomyGroup group : taxonomy.groups(GroupLevel.RESPONSE)) {
            for (TaxonomyOption option : group.options()) {
                rows.add(new Row(hotkeyStroke(option.hotkey()), "Gold: " + option.label(), group.label()));
            }
        }
        addFixed(rows, KeyBindingCategory.review());
        return new BindingTable(rows);
    }

    private static void addFixed(List<Row> rows, Set<KeyBindingCategory> categories) {
        for (KeyBinding binding : KeyBinding.of(categories)) {
            rows.add(new Row(binding.stroke(), binding.description(), binding.category().displayName()));
        }
    }

    /** An option hotkey is its letter or digit pressed alone. */
    public static KeyBinding.KeyStroke hotkeyStroke(char hotkey) {
        KeyCode code = KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(hotkey)));
        if (code == null) {
            throw new IllegalArgumentException("hotkey '" + hotkey + "' is not a key");
        }
        return new KeyBinding.KeyStroke(code, false, false);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Keys bound to more than one action, with those actions; empty when the table is sound. */
    public Map<String, List<String>> collisions() {
        Map<KeyBinding.KeyStroke, List<String>> byStroke = new LinkedHashMap<>();
        for (Row row : rows) {
            byStroke.computeIfAbsent(row.stroke(), stroke -> new ArrayList<>()).add(row.section() + ": " + row.action());
        }
        Map<String, List<String>> collisions = new LinkedHashMap<>();
        byStroke.forEach((stroke, actions) -> {
            if (actions.size() > 1) {
                collisions.put(stroke.displayText(), actions);
            }
        });
        return collisions;
    }
}
