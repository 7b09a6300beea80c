package org.refusalworkbench.ui.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.taxonomy.OptionRef;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;

/**
 * The options of some taxonomy groups as controls: single choice as segmented toggle buttons, multiple choice as
 * checkboxes. Each shows its hotkey and explains itself in a tooltip. The controls only show state and report
 * clicks; the view model decides, so undo and saving see every change.
 */
final class TaxonomyControls extends VBox {

    private record OptionControl(TaxonomyGroup group, TaxonomyOption option, ButtonBase control, Tooltip tooltip) {
    }

    private final List<OptionControl> controls = new ArrayList<>();
    private final List<VBox> groupBoxes = new ArrayList<>();
    private final List<TaxonomyGroup> groups;

    TaxonomyControls(List<TaxonomyGroup> groups, BiConsumer<String, String> onToggle) {
        this.groups = groups;
        getStyleClass().add("taxonomy");
        for (TaxonomyGroup group : groups) {
            Label title = new Label(group.label() + (group.isSingleChoice() ? "" : "  (any)"));
            title.getStyleClass().add("group-title");
            title.setTooltip(tip(group.definition()));
            // Single choice wraps its buttons over lines; multiple choice takes a line per box, so a long option
            // name ends in an ellipsis in a narrow column instead of running out of sight past its edge.
            Pane options = group.isSingleChoice() ? new FlowPane(4, 4) : new VBox(3);
            options.setMinWidth(0);
            options.getStyleClass().add(group.isSingleChoice() ? "segmented" : "checks");
            for (TaxonomyOption option : group.options()) {
                ButtonBase control = group.isSingleChoice() ? new ToggleButton(option.label())
                        : new CheckBox(option.label());
                Label key = new Label(String.valueOf(option.hotkey()));
                key.getStyleClass().add("hotkey");
                control.setGraphic(key);
                control.setFocusTraversable(false);
                control.setMnemonicParsing(false);
                Tooltip tooltip = tip(option.definition() + "\nHotkey: " + option.hotkey());
                control.setTooltip(tooltip);
                control.setOnAction(event -> onToggle.accept(group.id(), option.id()));
                control.setId("option-" + group.id() + "-" + option.id());
                options.getChildren().add(control);
                controls.add(new OptionControl(group, option, control, tooltip));
            }
            VBox box = new VBox(3, title, options);
            box.getStyleClass().add("group");
            groupBoxes.add(box);
            getChildren().add(box);
        }
    }

    /** Shows {@code selections} and {@code flags} (kept in sync while the properties change). */
    void bind(ObservableValue<Selections> selections, ObservableValue<Map<OptionRef, String>> flags) {
        Runnable update = () -> show(selections.getValue(), flags == null ? Map.of() : flags.getValue());
        selections.addListener(observable -> update.run());
        if (flags != null) {
            flags.addListener(observable -> update.run());
        }
        update.run();
    }

    /** Shows {@code selections} ticked and {@code flags} on their options. */
    void show(Selections selections, Map<OptionRef, String> flags) {
        for (OptionControl entry : controls) {
            boolean selected = selections.has(entry.group().id(), entry.option().id());
            if (entry.control() instanceof ToggleButton toggle) {
                toggle.setSelected(selected);
            } else if (entry.control() instanceof CheckBox check) {
                check.setSelected(selected);
            }
            String flag = flags.get(new OptionRef(entry.group().id(), entry.option().id()));
            // Style classes change only when the flag does: each change restyles the control and redraws it,
            // which on a tick of one option made every option of the column paint again.
            boolean flagged = entry.control().getStyleClass().contains("flagged");
            if (flagged && flag == null) {
                entry.control().getStyleClass().remove("flagged");
            } else if (!flagged && flag != null) {
                entry.control().getStyleClass().add("flagged");
            }
            String tip = entry.option().definition() + "\nHotkey: " + entry.option().hotkey();
            entry.tooltip().setText(flag == null ? tip : "⚠ " + flag + "\n\n" + tip);
        }
        for (int i = 0; i < groups.size(); i++) {
            groupBoxes.get(i).setOpacity(groups.get(i).appliesTo(selections) ? 1.0 : 0.55);
        }
    }

    private static Tooltip tip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        tooltip.setShowDelay(Duration.millis(350));
        tooltip.setShowDuration(Duration.seconds(30));
        return tooltip;
    }
}
