package org.refusalworkbench.ui.review;

import java.util.List;
import java.util.Set;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;

/**
 * Every annotator's selections side by side, one row per option, with the majority and the gold draft on the right.
 * Rows where annotators split are tinted; gold cells that differ from the majority are outlined. Clicking a gold
 * cell toggles it, like the option's hotkey.
 */
final class ComparisonGrid extends GridPane {

    private final ReviewViewModel review;

    ComparisonGrid(ReviewViewModel review) {
        this.review = review;
        getStyleClass().add("comparison");
        setHgap(0);
        setVgap(0);
        review.detailProperty().addListener(observable -> rebuild());
        review.goldProperty().addListener(observable -> rebuild());
        review.majorityProperty().addListener(observable -> rebuild());
    }

    private void rebuild() {
        getChildren().clear();
        getColumnConstraints().clear();
        ReviewQueueItem item = review.currentProperty().get();
        ReviewService.ResponseDetail detail = review.detailProperty().get();
        if (item == null || detail == null || detail.response().id() != item.response().responseId()) {
            return;
        }
        List<ReviewService.AnnotatorJudgement> annotators = detail.annotators();
        ColumnConstraints first = new ColumnConstraints();
        first.setHgrow(Priority.ALWAYS);
        // The panel asks for the option names' full width; in a narrow window they are cut short (the hotkey and
        // the definition's tooltip remain) before the Gold column is pushed out of sight.
        first.setMinWidth(150);
        getColumnConstraints().add(first);
        for (int i = 0; i < annotators.size() + 2; i++) {
            // As wide as the annotator's name asks for ("xstest-annotator-1"), down to 86 px when space is short.
            ColumnConstraints column = new ColumnConstraints();
            column.setMinWidth(86);
            column.setHalignment(HPos.CENTER);
            getColumnConstraints().add(column);
        }
        int row = 0;
        add(header(""), 0, row);
        for (int i = 0; i < annotators.size(); i++) {
            Label name = header(annotators.get(i).annotator());
            name.setTooltip(new Tooltip(annotators.get(i).annotator()));
            add(name, i + 1, row);
        }
        add(header("Majority"), annotators.size() + 1, row);
        Label goldHeader = header("Gold");
        goldHeader.getStyleClass().add("gold-header");
        add(goldHeader, annotators.size() + 2, row);
        row++;

        Selections majority = review.majorityProperty().get();
        Selections gold = review.goldProperty().get();
        Set<String> ties = review.tiedGroupsProperty().get();
        for (TaxonomyGroup group : review.groups()) {
            Label title = new Label(group.label() + (ties.contains(group.id()) ? "   (tie: no majority)" : "")
                    + (group.isSingleChoice() ? "" : "   · any number"));
            title.getStyleClass().addAll("group-title", "grid-group");
            title.setMaxWidth(Double.MAX_VALUE);
            add(title, 0, row, annotators.size() + 3, 1);
            row++;
            Set<String> split = item.disagreement().splitOptions().getOrDefault(group.id(), Set.of());
            for (TaxonomyOption option : group.options()) {
                boolean isSplit = split.contains(option.id());
                Label hotkey = new Label(String.valueOf(option.hotkey()));
                hotkey.getStyleClass().add("hotkey");
                Label name = new Label(option.label());
                name.setTooltip(new Tooltip(option.definition()));
                HBox label = new HBox(6, hotkey, name);
                label.setAlignment(Pos.CENTER_LEFT);
                label.getStyleClass().add("grid-cell");
                mark(label, isSplit);
                add(label, 0, row);
                for (int i = 0; i < annotators.size(); i++) {
                    add(cell(annotators.get(i).selections().has(group.id(), option.id()), isSplit, "annotator-mark"),
                            i + 1, row);
                }
                boolean inMajority = majority.has(group.id(), option.id());
                add(cell(inMajority, isSplit, "majority-mark"), annotators.size() + 1, row);
                boolean inGold = gold.has(group.id(), option.id());
                Label goldCell = cell(inGold, isSplit, "gold-mark");
                goldCell.getStyleClass().add("gold-cell");
                if (!gold.isEmpty() && inGold != inMajority) {
                    goldCell.getStyleClass().add("overrides");
                }
                goldCell.setId("gold-" + group.id() + "-" + option.id());
                goldCell.setOnMouseClicked(event -> review.toggle(group.id(), option.id()));
                add(goldCell, annotators.size() + 2, row);
                row++;
            }
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("grid-header");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setAlignment(Pos.CENTER);
        return label;
    }

    private static Label cell(boolean selected, boolean split, String style) {
        Label label = new Label(selected ? "●" : "·");
        label.getStyleClass().addAll("grid-cell", "mark", selected ? style : "unmarked");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setAlignment(Pos.CENTER);
        mark(label, split);
        return label;
    }

    private static void mark(javafx.scene.layout.Region node, boolean split) {
        if (split) {
            node.getStyleClass().add("split");
        }
    }
}
