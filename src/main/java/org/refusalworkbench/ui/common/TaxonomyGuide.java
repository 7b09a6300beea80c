package org.refusalworkbench.ui.common;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.OptionRef;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;
import org.refusalworkbench.taxonomy.TaxonomyRule;

/**
 * The taxonomy guide (F2): the team's guidelines, then every group with its question, when it applies, and each
 * option's hotkey and definition, then the rules the checker applies, all from the project's taxonomy file, so a
 * new labeller has the definitions at hand without a manual. It is a window beside the main one, not a modal
 * sheet: labelling goes on with it open, and F2 or Esc in it closes it.
 */
public final class TaxonomyGuide {

    private static final double WIDTH = 620;
    private static final double HEIGHT = 720;
    /** The guide on screen, if any: one per main window. */
    private Stage open;

    /** Opens the guide for {@code taxonomy} beside {@code owner}, or closes it when it is open (F2 toggles). */
    public void toggle(Window owner, Taxonomy taxonomy) {
        if (open != null && open.isShowing()) {
            open.close();
            open = null;
            return;
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Taxonomy guide — " + taxonomy.name() + " " + taxonomy.version());
        ScrollPane scroll = new ScrollPane(content(taxonomy));
        scroll.setFitToWidth(true);
        scroll.setId("taxonomy-guide");
        Scene scene = new Scene(scroll, WIDTH, Math.min(HEIGHT, owner == null ? HEIGHT : owner.getHeight()));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scene.getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE || event.getCode() == KeyCode.F2) {
                stage.close();
                open = null;
            }
        });
        stage.setScene(scene);
        if (owner != null) {
            // Beside the main window where there is room, so the text stays readable while the guide is open.
            stage.setX(Math.max(0, owner.getX() + owner.getWidth() - WIDTH - 16));
            stage.setY(owner.getY() + 40);
        }
        stage.setOnHidden(event -> {
            if (open == stage) {
                open = null;
            }
        });
        open = stage;
        stage.show();
    }

    /** The guide's text, built from the taxonomy alone; public for the tests that read what it says. */
    public static VBox content(Taxonomy taxonomy) {
        VBox content = new VBox(10);
        content.getStyleClass().add("taxonomy-guide");
        content.setPadding(new Insets(14));
        content.getChildren().add(heading(taxonomy.name() + "  ·  " + taxonomy.id() + " " + taxonomy.version(),
                "guide-title"));
        if (!taxonomy.guidelines().isBlank()) {
            content.getChildren().addAll(heading("Guidelines", "guide-section"), markdown(taxonomy.guidelines()));
        }
        content.getChildren().add(heading("Groups and options", "guide-section"));
        for (GroupLevel level : GroupLevel.values()) {
            for (TaxonomyGroup group : taxonomy.groups(level)) {
                content.getChildren().add(group(taxonomy, group));
            }
        }
        if (!taxonomy.rules().isEmpty()) {
            content.getChildren().add(heading("Rules the checker applies", "guide-section"));
            for (TaxonomyRule rule : taxonomy.rules()) {
                content.getChildren().add(wrapped("⚠ " + rule.message() + "  (" + describe(taxonomy, rule) + ")",
                        "guide-rule"));
            }
        }
        return content;
    }

    private static Node group(Taxonomy taxonomy, TaxonomyGroup group) {
        VBox box = new VBox(4);
        box.getStyleClass().add("guide-group");
        box.setId("guide-group-" + group.id());
        String how = (group.level() == GroupLevel.PROMPT ? "once per prompt" : "for each response") + ", "
                + (group.isSingleChoice() ? "one option" : "any number of options")
                + (group.required() ? ", required before a prompt is done" : "");
        box.getChildren().addAll(heading(group.label(), "guide-group-title"), wrapped(group.definition(), null),
                wrapped(how + appliesWhen(taxonomy, group.appliesWhen()) + ".", "muted"));
        for (TaxonomyOption option : group.options()) {
            Label key = new Label(String.valueOf(option.hotkey()));
            key.getStyleClass().add("hotkey");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label name = new Label(option.label());
            name.getStyleClass().add("guide-option");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label definition = wrapped(option.definition(), null);
            HBox.setHgrow(definition, Priority.ALWAYS);
            HBox row = new HBox(8, key, name, definition);
            row.setId("guide-option-" + group.id() + "-" + option.id());
            box.getChildren().add(row);
        }
        return box;
    }

    private static String appliesWhen(Taxonomy taxonomy, Map<String, Set<String>> conditions) {
        if (conditions.isEmpty()) {
            return "";
        }
        return "; only when " + conditions.entrySet().stream().map(condition -> {
            TaxonomyGroup group = taxonomy.group(condition.getKey()).orElse(null);
            String options = condition.getValue().stream().map(id -> group == null ? id
                    : group.option(id).map(TaxonomyOption::label).orElse(id)).collect(Collectors.joining(" or "));
            return (group == null ? condition.getKey() : group.label()) + " is " + options;
        }).collect(Collectors.joining(" and "));
    }

    private static String describe(Taxonomy taxonomy, TaxonomyRule rule) {
        String when = label(taxonomy, rule.when());
        List<String> then = rule.then().stream().map(ref -> label(taxonomy, ref)).toList();
        return switch (rule.kind()) {
            case REQUIRES_ANY -> when + " needs " + String.join(" or ", then);
            case EXCLUDES -> when + " excludes " + String.join(" and ", then);
            case REQUIRES_MULTI_TURN -> when + " needs a multi-turn transcript";
        };
    }

    private static String label(Taxonomy taxonomy, OptionRef ref) {
        return taxonomy.group(ref.groupId()).flatMap(group -> group.option(ref.optionId())
                .map(option -> group.label() + ": " + option.label())).orElse(ref.groupId() + "." + ref.optionId());
    }

    private static Node markdown(String text) {
        MarkdownText.Rendered rendered = MarkdownText.render(text);
        SelectableText view = new SelectableText();
        view.setContent(rendered.runs(), rendered.codeRanges());
        view.setId("guide-guidelines");
        return view;
    }

    private static Label heading(String text, String styleClass) {
        Label label = wrapped(text, styleClass);
        label.getStyleClass().add("group-title");
        return label;
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }
}
