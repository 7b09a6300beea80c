package org.refusalworkbench.ui.review;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.refusalworkbench.domain.ChangeEntry;
import org.refusalworkbench.domain.Prompt;
import org.refusalworkbench.domain.Response;
import org.refusalworkbench.domain.Turn;
import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.report.ResponseInconsistency;
import org.refusalworkbench.taxonomy.GroupRole;
import org.refusalworkbench.taxonomy.OptionRole;
import org.refusalworkbench.taxonomy.TaxonomyOption;
import org.refusalworkbench.ui.common.KeyBinding;
import org.refusalworkbench.ui.common.LongText;

/**
 * The review view: the queue on the left; on the right the prompt, the response with its model's real name, every
 * annotator's selections side by side, their notes and intent notes, and the gold label with its reason.
 */
public final class ReviewView extends SplitPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private static final double RESPONSE_MIN_WIDTH = 340;
    /** The comparison grid of three annotators and gold still fits; wider content scrolls sideways. */
    private static final double JUDGEMENT_MIN_WIDTH = 560;

    private final ReviewViewModel review;
    private final Label promptHeading = new Label();
    private final Label promptText = new Label();
    private final Label promptMeta = new Label();
    private final Label responseHeading = new Label();
    private final Label inconsistency = new Label();
    private final TextArea responseText = new TextArea();
    private final VBox notes = new VBox(4);
    private final TextField reason = new TextField();
    private final Label history = new Label();
    private final Label dirty = new Label("● unsaved draft");
    private final Label goldSummary = new Label();

    public ReviewView(ReviewViewModel review) {
        this.review = review;
        getStyleClass().add("review-view");
        setFocusTraversable(true);
        ReviewQueueView queue = new ReviewQueueView(review);

        promptHeading.getStyleClass().add("prompt-heading");
        promptText.setWrapText(true);
        promptText.getStyleClass().add("review-prompt-text");
        promptMeta.getStyleClass().add("prompt-meta");
        VBox prompt = new VBox(4, promptHeading, promptText, promptMeta);
        prompt.getStyleClass().add("prompt-panel");

        responseHeading.getStyleClass().add("column-title");
        responseHeading.setId("review-model");
        inconsistency.getStyleClass().add("inconsistency-banner");
        inconsistency.setWrapText(true);
        inconsistency.managedProperty().bind(inconsistency.visibleProperty());
        responseText.setEditable(false);
        responseText.setWrapText(true);
        responseText.setFocusTraversable(false);
        responseText.getStyleClass().add("review-response-text");
        VBox.setVgrow(responseText, Priority.ALWAYS);
        Label notesTitle = new Label("Notes and intent");
        notesTitle.getStyleClass().add("group-title");
        VBox response = new VBox(6, responseHeading, inconsistency, responseText, notesTitle, notes);
        response.getStyleClass().add("response-column");
        response.setPadding(new Insets(10));
        HBox.setHgrow(response, Priority.ALWAYS);
        response.setPrefWidth(420);
        // Without a floor the comparison grid took the whole width below 1366 px and left the text 30 px.
        response.setMinWidth(RESPONSE_MIN_WIDTH);

        ComparisonGrid grid = new ComparisonGrid(review);
        reason.setId("gold-reason");
        reason.setPromptText("Reason for the gold label (" + KeyBinding.EDIT_REASON.displayText() + ")");
        reason.textProperty().bindBidirectional(review.reasonProperty());
        reason.setOnKeyTyped(event -> review.reasonEdited());
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button majority = new Button("Accept majority  [" + KeyBinding.ACCEPT_MAJORITY.displayText() + "]");
        majority.setOnAction(event -> review.acceptMajority());
        majority.setFocusTraversable(false);
        Button save = new Button("Save gold  [" + KeyBinding.SAVE_GOLD.displayText() + "]");
        save.setDefaultButton(false);
        save.setOnAction(event -> review.save());
        save.setFocusTraversable(false);
        save.getStyleClass().add("accent-button");
        dirty.getStyleClass().add("saving");
        dirty.visibleProperty().bind(review.dirtyProperty());
        goldSummary.getStyleClass().add("muted");
        goldSummary.setWrapText(true);
        history.getStyleClass().add("muted");
        history.setWrapText(true);
        HBox actions = new HBox(8, reason, majority, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label goldTitle = new Label("Gold label — option hotkeys edit the Gold column");
        goldTitle.getStyleClass().add("group-title");
        HBox goldHead = new HBox(10, goldTitle, dirty);
        VBox judgement = new VBox(6, grid, goldHead, goldSummary, actions, history);
        judgement.setPadding(new Insets(10));
        ScrollPane judgementScroll = new ScrollPane(judgement);
        judgementScroll.setFitToWidth(true);
        judgementScroll.getStyleClass().addAll("response-column", "judgement-scroll");
        judgementScroll.setFocusTraversable(false);
        judgementScroll.setMinWidth(JUDGEMENT_MIN_WIDTH);

        HBox body = new HBox(8, response, judgementScroll);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox main = new VBox(8, prompt, body);
        main.getStyleClass().add("workspace");
        getItems().addAll(queue, main);
        setDividerPositions(0.22);
        SplitPane.setResizableWithParent(queue, false);

        review.detailProperty().addListener((o, old, detail) -> show(detail));
        review.goldProperty().addListener(observable -> describeGold());
        review.majorityProperty().addListener(observable -> describeGold());
        show(review.detailProperty().get());
    }

    /** An option hotkey edits the gold label; true when {@code key} is one. */
    boolean pressHotkey(char key) {
        return review.pressHotkey(key);
    }

    /** Runs one of review's gold-label keys; false when it does nothing now, so the key goes on. */
    boolean run(KeyBinding key, boolean typing) {
        switch (key) {
            case ACCEPT_MAJORITY -> review.acceptMajority();
            case SAVE_GOLD -> {
                review.save();
                requestFocus();
            }
            case UNDO_GOLD -> review.undo();
            case REDO_GOLD -> review.redo();
            case SCROLL_RESPONSE_DOWN, SCROLL_RESPONSE_UP -> scrollResponse(key == KeyBinding.SCROLL_RESPONSE_DOWN
                    ? 1 : -1);
            case NEXT_RESPONSE -> review.next();
            case PREVIOUS_RESPONSE -> review.previous();
            case EDIT_REASON -> reason.requestFocus();
            case LEAVE_REASON -> {
                if (!typing) {
                    return false;
                }
                requestFocus();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Most of a screen down ({@code direction} 1) or up (-1), keeping a few lines of the last one in view. */
    private void scrollResponse(int direction) {
        double step = responseText.getHeight() * 0.85;
        responseText.setScrollTop(Math.max(0, responseText.getScrollTop() + direction * step));
    }

    /** How far the response text is scrolled, in pixels. */
    double responseScrollTop() {
        return responseText.getScrollTop();
    }

    private void show(ReviewService.ResponseDetail detail) {
        notes.getChildren().clear();
        if (detail == null) {
            promptHeading.setText(!review.queue().isEmpty() ? "Loading…" : review.hasLabelledResponses()
                    ? "Nothing to review with these filters" : "Nothing to review yet");
            promptText.setText(review.queue().isEmpty() && !review.hasLabelledResponses() && !review.loadingProperty()
                    .get() ? "Review starts once responses are labelled: label them in labelling mode, merge the"
                    + " labelers' label files (File → Merge label files…), or import responses that come with labels"
                    + " (File → Import responses…, or rw import; see docs/importing.md)." : "");
            promptMeta.setText("");
            responseHeading.setText("");
            responseText.setText("");
            inconsistency.setVisible(false);
            history.setText("");
            return;
        }
        Prompt prompt = detail.content().prompt();
        promptHeading.setText("Prompt " + (prompt.externalId() != null ? prompt.externalId() : "#" + prompt.id()));
        promptText.setText(prompt.text());
        promptMeta.setText("Category: " + (prompt.category() == null ? "—" : prompt.category())
                + "   ·   Safety label: " + prompt.safety().id());
        Response response = detail.response();
        responseHeading.setText(response.model() + "   ·   sample " + response.sample() + "   ·   response #"
                + response.id());
        responseText.setText(LongText.forDisplay(text(response)));
        responseText.positionCaret(0);
        responseText.setScrollTop(0);
        ReviewQueueItem item = review.currentProperty().get();
        ResponseInconsistency flagged = item == null ? null : item.inconsistency();
        inconsistency.setVisible(flagged != null);
        if (flagged != null) {
            String responseType = review.taxonomy().roles().group(GroupRole.RESPONSE_TYPE).orElseThrow().id();
            String samples = flagged.types().entrySet().stream().map(entry -> sampleName(detail, entry.getKey())
                    + ": " + optionLabel(responseType, entry.getValue())).collect(Collectors.joining(", "));
            inconsistency.setText("⚠ Possible inconsistency — " + flagged.model() + " answered this prompt"
                    + " differently (" + samples + ")." + inconsistencyHint());
        }
        for (ReviewService.AnnotatorJudgement annotator : detail.annotators()) {
            StringBuilder line = new StringBuilder(annotator.annotator()).append(" — intent: ");
            line.append(annotator.intent().isEmpty() ? "—" : annotator.intent().asMap().entrySet().stream()
                    .flatMap(group -> group.getValue().stream().map(id -> optionLabel(group.getKey(), id)))
                    .collect(Collectors.joining(", ")));
            if (annotator.intentNote() != null) {
                line.append(" (“").append(annotator.intentNote()).append("”)");
            }
            line.append("\n    note: ").append(annotator.note() == null ? "—" : "“" + annotator.note() + "”");
            Label label = new Label(line.toString());
            label.setWrapText(true);
            label.getStyleClass().add("note");
            notes.getChildren().add(label);
        }
        history.setText(historyText(detail));
        describeGold();
    }

    private void describeGold() {
        ReviewService.ResponseDetail detail = review.detailProperty().get();
        if (detail == null) {
            goldSummary.setText("");
            return;
        }
        String saved = detail.gold() == null ? "Not adjudicated yet."
                : "Saved gold by " + detail.goldReviewer() + (detail.goldReason() == null ? ""
                : ": “" + detail.goldReason() + "”");
        goldSummary.setText(saved + (review.tiedGroupsProperty().get().isEmpty() ? ""
                : "   Annotators tie on " + review.tiedGroupsProperty().get().stream().map(id -> review.taxonomy()
                .group(id).map(group -> group.label()).orElse(id)).collect(Collectors.joining(", ")) + "."));
    }

    private String historyText(ReviewService.ResponseDetail detail) {
        if (detail.history().isEmpty()) {
            return "";
        }
        Map<String, java.util.List<ChangeEntry>> byEdit = detail.history().stream().collect(
                Collectors.groupingBy(entry -> WHEN.format(entry.at()) + " " + entry.person() + " (" + entry.source()
                        + ")", java.util.LinkedHashMap::new, Collectors.toList()));
        StringBuilder text = new StringBuilder("History of the gold label:");
        byEdit.forEach((edit, entries) -> text.append("\n  ").append(edit).append(": ").append(entries.stream()
                .map(entry -> switch (entry.action()) {
                    case "select" -> "+" + optionLabel(entry.group(), entry.option());
                    case "deselect" -> "−" + optionLabel(entry.group(), entry.option());
                    default -> "reason “" + (entry.newValue() == null ? "" : entry.newValue()) + "”";
                }).collect(Collectors.joining(", "))));
        return text.toString();
    }

    private String optionLabel(String groupId, String optionId) {
        return review.taxonomy().group(groupId).flatMap(group -> group.option(optionId))
                .map(TaxonomyOption::label).orElse(optionId);
    }

    /** Which option to tick for an inconsistency, by role; a taxonomy without one gets no advice. */
    private String inconsistencyHint() {
        return review.taxonomy().roles().options(OptionRole.INCONSISTENCY).stream().findFirst()
                .flatMap(ref -> review.taxonomy().group(ref.groupId()).flatMap(group -> group.option(ref.optionId())))
                .map(option -> " If so, tick " + option.label() + " (" + option.hotkey() + ") in the gold label.")
                .orElse("");
    }

    private static String sampleName(ReviewService.ResponseDetail detail, long responseId) {
        return detail.content().responses().stream().filter(response -> response.id() == responseId).findFirst()
                .map(response -> "sample " + response.sample()).orElse("#" + responseId);
    }

    private static String text(Response response) {
        if (response.transcript().isEmpty()) {
            return response.text();
        }
        StringBuilder text = new StringBuilder();
        for (Turn turn : response.transcript()) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(turn.role().toUpperCase(java.util.Locale.ROOT)).append(":\n").append(turn.content());
        }
        return text.toString();
    }
}
