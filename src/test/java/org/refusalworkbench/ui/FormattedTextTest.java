package org.refusalworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Path;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.refusalworkbench.ui.annotate.AnnotationViewModel;
import org.refusalworkbench.ui.annotate.RefusalPhrases;
import org.refusalworkbench.ui.common.SelectableText;
import org.refusalworkbench.ui.common.UiSetting;
import org.refusalworkbench.ui.common.UiSettings;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** Responses as a labeller reads them on the demo: Markdown formatted or as written, and highlights on the words. */
class FormattedTextTest extends ApplicationTest {

    private TestWindow test;

    @Override
    public void start(Stage stage) throws Exception {
        test = new TestWindow(stage, context -> { });
        test.window.open(null, "reader");
    }

    @AfterEach
    void tearDown() throws Exception {
        test.close();
    }

    @Test
    void markdownShowsFormattedCtrlMShowsItAsWrittenAndTheChoiceIsRemembered() {
        AnnotationViewModel workspace = waitForWorkspace();
        while (!"demo-07".equals(workspace.promptProperty().get().externalId())) {
            long at = workspace.promptProperty().get().id();
            type(KeyCode.PAGE_DOWN);
            TestWindow.waitUntil(() -> workspace.promptProperty().get().id() != at);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownTexts()).noneMatch(text -> text.contains("**"))
                .anyMatch(text -> text.contains("3. Methodology"));

        press(KeyCode.CONTROL).press(KeyCode.M).release(KeyCode.M).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownTexts()).anyMatch(text -> text.contains("**3. Methodology**"));
        assertThat(new UiSettings(test.dataFolder.resolve(UiSettings.FILE_NAME)).get(UiSetting.FORMATTED_TEXT))
                .isFalse();

        press(KeyCode.CONTROL).press(KeyCode.M).release(KeyCode.M).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownTexts()).noneMatch(text -> text.contains("**"));
    }

    @Test
    void aHighlightCoversItsPhraseAgainAfterTheTextSizeChanges() {
        waitForWorkspace();
        WaitForAsyncUtils.waitForFxEvents();
        assertHighlightsCoverTheirPhrases();
        for (int i = 0; i < 2; i++) {
            press(KeyCode.CONTROL).press(KeyCode.EQUALS).release(KeyCode.EQUALS).release(KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertHighlightsCoverTheirPhrases();
        press(KeyCode.CONTROL).press(KeyCode.MINUS).release(KeyCode.MINUS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertHighlightsCoverTheirPhrases();
    }

    @Test
    void f2OpensTheGuideWithTheGuidelinesEveryDefinitionAndTheRulesAndF2ClosesIt() {
        AnnotationViewModel workspace = waitForWorkspace();
        type(KeyCode.F2);
        TestWindow.waitUntil(() -> lookup("#taxonomy-guide").tryQuery().isPresent());
        List<String> shown = new java.util.ArrayList<>(lookup("#taxonomy-guide .label")
                .queryAllAs(javafx.scene.control.Label.class).stream().map(javafx.scene.control.Label::getText)
                .toList());
        org.refusalworkbench.taxonomy.Taxonomy taxonomy = workspace.taxonomy();
        for (org.refusalworkbench.taxonomy.TaxonomyGroup group : taxonomy.groups()) {
            assertThat(shown).contains(group.label(), group.definition());
            for (org.refusalworkbench.taxonomy.TaxonomyOption option : group.options()) {
                assertThat(shown).contains(option.label(), option.definition(), String.valueOf(option.hotkey()));
            }
        }
        for (org.refusalworkbench.taxonomy.TaxonomyRule rule : taxonomy.rules()) {
            assertThat(shown).anyMatch(text -> text.startsWith("⚠ " + rule.message()));
        }
        assertThat(shown).anyMatch(text -> text.contains("only when Response type is Full refusal or Partial"
                + " refusal"));
        SelectableText guidelines = lookup("#guide-guidelines").queryAs(SelectableText.class);
        assertThat(guidelines.getPlainText()).contains("How to label a refusal", "Refusal leakage")
                .doesNotContain("**");

        type(KeyCode.F2);
        TestWindow.waitUntil(() -> lookup("#taxonomy-guide").tryQuery().isEmpty());
        type(KeyCode.F2);
        TestWindow.waitUntil(() -> lookup("#taxonomy-guide").tryQuery().isPresent());
        type(KeyCode.ESCAPE);
        TestWindow.waitUntil(() -> lookup("#taxonomy-guide").tryQuery().isEmpty());
    }

    /** Each view's highlight shapes lie exactly where the flow now lays out the phrases they mark. */
    private void assertHighlightsCoverTheirPhrases() {
        int checked = 0;
        for (SelectableText view : lookup(".selectable-text").queryAllAs(SelectableText.class)) {
            List<RefusalPhrases.Span> spans = RefusalPhrases.find(view.getPlainText());
            List<Path> shapes = view.getChildrenUnmodifiable().stream().filter(Path.class::isInstance)
                    .map(Path.class::cast).filter(path -> path.getStyleClass().contains("refusal-phrase")).toList();
            TextFlow flow = view.getChildrenUnmodifiable().stream().filter(TextFlow.class::isInstance)
                    .map(TextFlow.class::cast).findFirst().orElseThrow();
            for (int i = 0; i < shapes.size() && i < spans.size(); i++) {
                Path expected = new Path(flow.rangeShape(spans.get(i).start(), spans.get(i).end()));
                Bounds want = expected.getLayoutBounds();
                Bounds drawn = shapes.get(i).getLayoutBounds();
                assertThat(drawn.getMinX()).isCloseTo(want.getMinX(), org.assertj.core.data.Offset.offset(0.5));
                assertThat(drawn.getMinY()).isCloseTo(want.getMinY(), org.assertj.core.data.Offset.offset(0.5));
                assertThat(drawn.getMaxX()).isCloseTo(want.getMaxX(), org.assertj.core.data.Offset.offset(0.5));
                assertThat(drawn.getMaxY()).isCloseTo(want.getMaxY(), org.assertj.core.data.Offset.offset(0.5));
                checked++;
            }
        }
        assertThat(checked).as("the first demo prompt has refusal phrases on screen").isPositive();
    }

    private List<String> shownTexts() {
        return lookup(".selectable-text").queryAllAs(SelectableText.class).stream()
                .filter(view -> view.getScene() != null).map(SelectableText::getPlainText).toList();
    }

    private AnnotationViewModel waitForWorkspace() {
        TestWindow.waitUntil(() -> test.window.workspace() != null && !test.window.workspace().columns().isEmpty());
        return test.window.workspace();
    }
}
