package org.refusalworkbench.ui.annotate;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.refusalworkbench.domain.Prompt;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.ui.common.SelectableText;

/** The prompt on top: its text, category, safety label and metadata, with the intent judgement beside it. */
final class PromptPanel extends HBox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AnnotationViewModel workspace;
    private final Label heading = new Label();
    private final Label meta = new Label();
    private final Label done = new Label("✓ done");
    private final SelectableText text = new SelectableText();
    private final TextArea intentNote = new TextArea();
    private StringProperty boundNote;

    PromptPanel(AnnotationViewModel workspace) {
        this.workspace = workspace;
        getStyleClass().add("prompt-panel");
        heading.getStyleClass().add("prompt-heading");
        meta.getStyleClass().add("prompt-meta");
        meta.setWrapText(true);
        done.getStyleClass().add("done-badge");
        done.visibleProperty().bind(workspace.doneProperty());
        ScrollPane textScroll = new ScrollPane(text);
        textScroll.setFitToWidth(true);
        textScroll.setMaxHeight(140);
        textScroll.setFocusTraversable(false);
        textScroll.getStyleClass().add("prompt-scroll");
        text.getStyleClass().add("prompt-text");
        HBox headRow = new HBox(10, heading, done);
        VBox left = new VBox(4, headRow, textScroll, meta);
        HBox.setHgrow(left, Priority.ALWAYS);

        TaxonomyControls intent = new TaxonomyControls(workspace.taxonomy().groups(GroupLevel.PROMPT),
                workspace::toggleIntent);
        intent.bind(workspace.intentProperty(), null);
        intentNote.setId("intent-note");
        intentNote.setPromptText("Intent note (Ctrl+I): what does the user most likely want — benign, ambiguous or"
                + " harmful — and why?");
        intentNote.setWrapText(true);
        intentNote.setPrefRowCount(3);
        intentNote.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                workspace.flushNotes();   // leaving the note (or the window) saves it now, not after the pause
            }
        });
        VBox right = new VBox(6, intent, intentNote);
        right.getStyleClass().add("intent-box");
        right.setPrefWidth(420);
        right.setMinWidth(340);
        getChildren().addAll(left, right);
        setSpacing(16);

        workspace.promptProperty().addListener((observable, old, prompt) -> show(prompt));
        show(workspace.promptProperty().get());
    }

    void focusIntentNote() {
        intentNote.requestFocus();
    }

    private void show(Prompt prompt) {
        if (boundNote != null) {
            intentNote.textProperty().unbindBidirectional(boundNote);
        }
        if (prompt == null) {
            heading.setText("No prompt");
            return;
        }
        boundNote = workspace.intentNoteProperty();
        intentNote.textProperty().bindBidirectional(boundNote);
        heading.setText("Prompt " + (prompt.externalId() != null ? prompt.externalId() : "#" + prompt.id()));
        text.setContent(java.util.List.of(new SelectableText.Run(prompt.text(), null)), java.util.List.of());
        StringBuilder line = new StringBuilder();
        line.append("Category: ").append(prompt.category() == null ? "—" : prompt.category());
        line.append("   ·   Safety label: ").append(prompt.safety().id());
        appendMetadata(line, prompt.metaJson());
        meta.setText(line.toString());
    }

    private static void appendMetadata(StringBuilder line, String metaJson) {
        if (metaJson == null || metaJson.isBlank()) {
            return;
        }
        try {
            JsonNode node = JSON.readTree(metaJson);
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                line.append("   ·   ").append(field.getKey()).append(": ")
                        .append(field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            line.append("   ·   ").append(metaJson);
        }
    }
}
