package org.refusalworkbench.ui.review;

import java.util.Locale;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.refusalworkbench.taxonomy.TaxonomyGroup;

/** The review queue: responses by disagreement, most disputed first, with its filters above. */
final class ReviewQueueView extends VBox {

    private static final String ANY = "Any";

    private final ListView<ReviewQueueItem> list = new ListView<>();
    private boolean selecting;

    ReviewQueueView(ReviewViewModel review) {
        getStyleClass().add("queue");
        setSpacing(6);
        setPadding(new Insets(8));
        Label title = new Label("Review queue — most disputed first");
        title.getStyleClass().add("group-title");

        ComboBox<String> group = filterBox("filter-group", FXCollections.observableArrayList(
                review.groups().stream().map(TaxonomyGroup::label).toList()));
        group.valueProperty().addListener((o, old, value) -> review.groupFilterProperty().set(ANY.equals(value)
                ? null : review.groups().stream().filter(g -> g.label().equals(value)).findFirst()
                .map(TaxonomyGroup::id).orElse(null)));
        ComboBox<OptionChoice> option = new ComboBox<>();
        option.getItems().add(null);
        option.getItems().addAll(review.optionChoices());
        option.setPromptText("Option chosen by anyone: any");
        option.setMaxWidth(Double.MAX_VALUE);
        option.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(OptionChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? "Option chosen by anyone: any" : item.label());
            }
        });
        option.valueProperty().bindBidirectional(review.optionFilterProperty());
        ComboBox<String> annotator = filterBox("filter-annotator", review.annotators());
        annotator.valueProperty().addListener((o, old, value) -> review.annotatorFilterProperty().set(
                ANY.equals(value) ? null : value));
        ComboBox<String> model = filterBox("filter-model", review.models());
        model.valueProperty().addListener((o, old, value) -> review.modelFilterProperty().set(
                ANY.equals(value) ? null : value));
        CheckBox open = new CheckBox("Not yet adjudicated");
        open.selectedProperty().bindBidirectional(review.notAdjudicatedOnlyProperty());
        CheckBox mine = new CheckBox("Not yet reviewed by me");
        mine.setId("filter-not-reviewed-by-me");
        mine.setTooltip(new javafx.scene.control.Tooltip("Responses whose gold label you have not yet saved or"
                + " confirmed (saving a gold label unchanged confirms it)"));
        mine.selectedProperty().bindBidirectional(review.notReviewedByMeOnlyProperty());
        ComboBox<String> judge = judgeBox(review);

        VBox filters = new VBox(4, labelled("Disputed in group", group), labelled("Option", option),
                labelled("Labelled by", annotator), labelled("Model", model), open, mine);
        VBox judgeFilter = labelled("Judge and humans disagree", judge);
        judgeFilter.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(review.judges()));
        judgeFilter.managedProperty().bind(judgeFilter.visibleProperty());
        filters.getChildren().add(judgeFilter);

        list.setId("review-queue");
        list.setItems(review.queue());
        list.setFocusTraversable(false);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ReviewQueueItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("done", "inconsistent");
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%3.0f%%  #%d  %s",
                        item.disagreement().score() * 100, item.response().responseId(), item.response().model()));
                if (item.response().sample() > 1) {
                    text.append(" s").append(item.response().sample());
                }
                if (item.inconsistency() != null) {
                    text.append("  ⚠ inconsistent?");
                    getStyleClass().add("inconsistent");
                }
                if (item.adjudicated()) {
                    text.append(review.reviewedByMe(item.response().responseId()) ? "  ✓ gold, reviewed" : "  ✓ gold");
                    getStyleClass().add("done");
                }
                String excerpt = review.promptExcerpt(item.response().promptId());
                if (!excerpt.isEmpty()) {
                    text.append("\n      ").append(excerpt);
                }
                String judge = review.judgeFilterProperty().get();
                setTooltip(null);
                if (judge != null) {
                    item.judgeDisagreement(judge.isEmpty() ? null : judge).ifPresent(found -> {
                        text.append("\n      ⚖ ").append(judge.isEmpty() ? found.judge().name() + ": " : "")
                                .append(review.optionLabel(found.judged())).append(", final ")
                                .append(review.optionLabel(found.reference()));
                        setTooltip(new javafx.scene.control.Tooltip(found.judge().label() + " says "
                                + review.optionLabel(found.judged()) + " where the final label is "
                                + review.optionLabel(found.reference()) + ": "
                                + found.consequence().description()));
                    });
                }
                setText(text.toString());
            }
        });
        list.getSelectionModel().selectedIndexProperty().addListener((o, old, index) -> {
            if (!selecting && index.intValue() >= 0) {
                review.select(index.intValue());
            }
        });
        review.currentIndexProperty().addListener((o, old, index) -> follow(index.intValue()));
        review.queue().addListener((javafx.collections.ListChangeListener<ReviewQueueItem>) change ->
                follow(review.currentIndexProperty().get()));
        VBox.setVgrow(list, Priority.ALWAYS);
        Label hint = new Label("Share of annotator pairs that disagree, averaged over groups.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        getChildren().addAll(title, filters, hint, list);
    }

    private void follow(int index) {
        selecting = true;
        try {
            if (index < 0) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(index);
                list.scrollTo(Math.max(0, index - 3));
            }
        } finally {
            selecting = false;
        }
    }

    /** Off, any judge, or one judge: the queue then holds that judge's disagreements, worst first. */
    private static ComboBox<String> judgeBox(ReviewViewModel review) {
        String off = "Off";
        String anyJudge = "Any judge";
        ObservableList<String> items = FXCollections.observableArrayList(off, anyJudge);
        items.addAll(review.judges());
        review.judges().addListener((javafx.collections.ListChangeListener<String>) change -> {
            items.setAll(off, anyJudge);
            items.addAll(review.judges());
        });
        ComboBox<String> box = new ComboBox<>(items);
        box.setId("filter-judge");
        box.setValue(off);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setFocusTraversable(false);
        box.valueProperty().addListener((o, old, value) -> review.judgeFilterProperty().set(value == null
                || value.equals(off) ? null : value.equals(anyJudge) ? ReviewQueueFilters.ANY_JUDGE : value));
        review.judgeFilterProperty().addListener((o, old, value) -> box.setValue(value == null ? off
                : value.equals(ReviewQueueFilters.ANY_JUDGE) ? anyJudge : value));
        return box;
    }

    private static ComboBox<String> filterBox(String id, ObservableList<String> values) {
        ObservableList<String> items = FXCollections.observableArrayList(ANY);
        items.addAll(values);
        values.addListener((javafx.collections.ListChangeListener<String>) change -> {
            items.setAll(ANY);
            items.addAll(values);
        });
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setValue(ANY);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setFocusTraversable(false);
        return box;
    }

    private static VBox labelled(String text, javafx.scene.Node control) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        return new VBox(1, label, control);
    }
}
