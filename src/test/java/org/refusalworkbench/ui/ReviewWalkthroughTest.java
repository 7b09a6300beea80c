package org.refusalworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.refusalworkbench.AppContext;
import org.refusalworkbench.report.ProjectAgreement;
import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.report.EngineAgreementMeasures;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.ui.review.ReviewQueueItem;
import org.refusalworkbench.ui.review.ReviewViewModel;
import org.refusalworkbench.ui.review.ReviewWorkspace;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** A reviewer's first adjudication, keyboard only, on the demo project under headless Monocle. */
class ReviewWalkthroughTest extends ApplicationTest {

    private TestWindow test;
    private AppContext context;
    private MainWindow window;

    @Override
    public void start(Stage stage) throws Exception {
        // The real engine, with fewer resamples than the app's 1,000 to keep the test quick.
        test = new TestWindow(stage, context -> context.setAgreementMeasures(
                new EngineAgreementMeasures(ReportOptions.defaults().withBootstrap(100))));
        context = test.context;
        window = test.window;
        window.open(null, "lead", true);
    }

    @AfterEach
    void tearDown() throws Exception {
        test.close();
    }

    @Test
    void adjudicateTheMostDisputedResponseByKeyboardAndSeeTheDashboardChange() throws Exception {
        waitUntil(() -> window.review() != null && window.review().review().detailProperty().get() != null);
        ReviewWorkspace workspace = window.review();
        ReviewViewModel review = workspace.review();
        ReviewQueueItem mostDisputed = review.queue().get(0);
        assertThat(review.currentProperty().get()).isEqualTo(mostDisputed);

        press(KeyCode.CONTROL).press(KeyCode.DIGIT2).release(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        waitUntil(() -> lookup("#resolved-response_type").tryQuery().isPresent());
        assertThat(text("#resolved-response_type")).isEqualTo("0");
        // The dashboard draws its figures first and again when the bootstrap intervals arrive: wait for the labels.
        waitUntil(() -> lookup("#confusion-matrix .label").queryAllAs(Label.class).stream()
                .anyMatch(label -> "Full compliance".equals(label.getText())));
        assertThat(lookup("#confusion-matrix .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Full compliance", "Partial refusal").doesNotContain("full_compliance");

        press(KeyCode.CONTROL).press(KeyCode.DIGIT1).release(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        type(KeyCode.DIGIT3);                         // gold: partial refusal
        type(KeyCode.O);                              // gold: over-refusal
        press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        write("Disclaims, then explains the principle");
        type(KeyCode.ESCAPE);
        press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        review.flush().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.queue().get(0).adjudicated()).isTrue();

        press(KeyCode.CONTROL).press(KeyCode.DIGIT2).release(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        waitUntil(() -> lookup("#resolved-response_type").tryQuery().isPresent()
                && "1".equals(text("#resolved-response_type")));
        ProjectAgreement.AdjudicationEffect effect = workspace.agreement().reportProperty().get().adjudication()
                .get(0);
        assertThat(effect.disputedAdjudicated()).isEqualTo(1);
        assertThat(effect.alphaAfter()).isNotEqualTo(effect.alphaBefore());

        Path file = context.project().file();
        interact(() -> window.saveBeforeClosing());
        context.close();
        try (ProjectDatabase reopened = ProjectFiles.open(file)) {
            LabelStore.Stored gold = reopened.read(connection -> LabelStore.load(connection,
                    LabelKind.ADJUDICATION, mostDisputed.response().responseId(), 0)).orElseThrow();
            assertThat(gold.selections().options("response_type")).containsExactly("partial_refusal");
            assertThat(gold.selections().options("refusal_type")).containsExactly("over_refusal");
            assertThat(gold.text()).isEqualTo("Disclaims, then explains the principle");
        }
    }

    @Test
    void theGoldColumnStaysInSightInALaptopSizedWindow() {
        waitUntil(() -> lookup("#gold-response_type-full_refusal").tryQuery()
                .filter(node -> node.getScene() != null).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node gold = lookup("#gold-response_type-full_refusal").query();
        Node panel = lookup(".judgement-scroll").query();
        Bounds goldBounds = gold.localToScreen(gold.getBoundsInLocal());
        Bounds panelBounds = panel.localToScreen(panel.getBoundsInLocal());
        assertThat(goldBounds.getMaxX()).isLessThanOrEqualTo(panelBounds.getMaxX());
        assertThat(gold.getScene().getWindow().getWidth()).isLessThanOrEqualTo(1240);
    }

    @Test
    void calibrationChartsListEachGroupsOptionsTopDownInTaxonomyOrder() {
        waitUntil(() -> window.review() != null);
        press(KeyCode.CONTROL).press(KeyCode.DIGIT3).release(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        waitUntil(() -> lookup(".option-chart").tryQuery().isPresent());
        List<List<String>> shown = new ArrayList<>();
        for (BarChart<?, ?> chart : lookup(".option-chart").queryAllAs(BarChart.class)) {
            List<String> bottomUp = new ArrayList<>(((CategoryAxis) chart.getYAxis()).getCategories());
            Collections.reverse(bottomUp);
            shown.add(bottomUp);
        }
        assertThat(shown).contains(List.of("Appropriate safety refusal", "Capability limitation",
                "Scope / policy configuration", "Over-refusal"));
    }

    @Test
    void eachRateChartTabulatesItsModelsWithRateIntervalAndCounts() {
        waitUntil(() -> window.review() != null);
        press(KeyCode.CONTROL).press(KeyCode.DIGIT3).release(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        waitUntil(() -> lookup(".figures").tryQuery().isPresent());

        List<javafx.scene.layout.GridPane> tables = lookup(".figures").queryAllAs(javafx.scene.layout.GridPane.class)
                .stream().toList();
        assertThat(tables).hasSize(2);
        for (javafx.scene.layout.GridPane table : tables) {
            List<String> cells = table.getChildren().stream().map(node -> ((Label) node).getText()).toList();
            assertThat(cells.subList(0, 4)).containsExactly("Model", "Rate", "Wilson 95%", "Responses");
            assertThat(cells).hasSize(4 * 4);       // the demo's three models under the headings
            for (int row = 1; row < 4; row++) {
                assertThat(cells.get(row * 4 + 1)).matches("\\d+\\.\\d%");
                assertThat(cells.get(row * 4 + 2)).matches("\\[\\d+\\.\\d%, \\d+\\.\\d%\\]");
                assertThat(cells.get(row * 4 + 3)).matches("\\d+ / \\d+");
            }
        }
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        TestWindow.waitUntil(condition);
    }
}
