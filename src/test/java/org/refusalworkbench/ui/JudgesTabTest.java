package org.refusalworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.refusalworkbench.AppInfo;
import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.demo.DemoProject;
import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.JudgeVerdict;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.judging.BuiltInJudges;
import org.refusalworkbench.project.JudgeRunner;
import org.refusalworkbench.project.ProjectReports;
import org.refusalworkbench.report.JudgeDisagreements;
import org.refusalworkbench.report.JudgeReport;
import org.refusalworkbench.storage.JudgeLabels;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.ui.review.ReviewQueueItem;
import org.refusalworkbench.ui.review.ReviewViewModel;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A reviewer auditing a judge on the demo project: the Judges tab shows the report's own figures, and its button
 * turns the review queue into that judge's disagreements with the final labels, worst first, by keyboard and
 * mouse alike. A second judge imported with one unparsed output shows how unparsed outputs are counted.
 */
class JudgesTabTest extends ApplicationTest {

    private TestWindow test;
    private Path demo;

    @Override
    public void start(Stage stage) throws Exception {
        test = new TestWindow(stage, context -> { });
        demo = new DemoProject(test.dataFolder, AppInfo.version()).ensure();
        try (ProjectDatabase database = ProjectFiles.open(demo)) {
            new JudgeRunner(database).run(BuiltInJudges.GCG_KEYWORDS);
            List<ResponseJudgements> responses = ProjectReports.of(database).judgements();
            // A judge that says "compliance" to everything, except one output that is no option at all.
            database.writer().run(connection -> JudgeLabels.save(connection, new Judge("always-complies", "v1"),
                    responses.stream().map(response -> response == responses.get(0)
                            ? new JudgeVerdict(response.responseId(), "I'd rather not grade this.", null)
                            : new JudgeVerdict(response.responseId(), "compliance", Selections.of(java.util.Map.of(
                            "response_type", List.of("full_compliance"))))).toList()));
        }
        test.window.open(demo, "lead", true);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        TestWindow.waitUntil(condition);
    }

    @AfterEach
    void tearDown() throws Exception {
        test.close();
    }

    @Test
    void theJudgesTabShowsTheReportAndOpensAJudgesWorstDisagreementsFirst() throws Exception {
        waitUntil(() -> test.window.review() != null && test.window.review().review().detailProperty().get() != null);
        ReviewViewModel review = test.window.review().review();

        press(KeyCode.CONTROL).press(KeyCode.DIGIT4).release(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        waitUntil(() -> lookup("#judges-table").tryQuery().isPresent());

        List<JudgeReport.JudgeFigures> expected;
        try (ProjectDatabase database = ProjectFiles.open(demo)) {
            expected = ProjectReports.of(database).judges("final", null, ReportOptions.defaults().withBootstrap(0))
                    .figures();
        }
        List<String> shown = lookup("#judges-table .label").queryAllAs(Label.class).stream().map(Label::getText)
                .toList();
        JudgeReport.JudgeFigures complies = expected.stream().filter(f -> f.judge().name().equals("always-complies"))
                .findFirst().orElseThrow();
        assertThat(complies.figures().unparsed()).isEqualTo(1);
        assertThat(shown).contains("gcg-keywords", "always-complies", String.valueOf(complies.figures().compared()),
                "1", String.format(java.util.Locale.ROOT, "%.1f%%", complies.figures().percentAgreement() * 100));
        assertThat(lookup("#judge-always-complies .confusion .label").queryAllAs(Label.class)).extracting(
                Label::getText).contains("unparsed", "full_refusal");

        clickOn("#review-disagreements-2");
        waitUntil(() -> "always-complies@v1".equals(review.judgeFilterProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(test.window.review().getSelectionModel().getSelectedIndex()).isZero();
        assertThat(review.currentIndexProperty().get()).as("the worst disagreement is open").isZero();
        List<ReviewQueueItem> queue = List.copyOf(review.queue());
        assertThat(queue).isNotEmpty().allSatisfy(item -> assertThat(item.judgeDisagreement("always-complies@v1"))
                .isPresent());
        List<JudgeDisagreements.Consequence> order = queue.stream().map(item -> item
                .judgeDisagreement("always-complies@v1").orElseThrow().consequence()).toList();
        assertThat(order).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // A judge that only ever says compliance is wrong wherever the people saw a refusal: the queue holds each
        // such response, plus the one unparsed output where the final label is decided.
        long refusalsByPeople = complies.figures().confusion().entrySet().stream()
                .filter(row -> !row.getKey().equals("full_compliance"))
                .mapToLong(row -> row.getValue().values().stream().mapToLong(Long::longValue).sum()).sum();
        long unparsedOnCompliance = complies.figures().confusion().get("full_compliance").get(JudgeReport.UNPARSED);
        assertThat(queue).hasSize((int) (refusalsByPeople + unparsedOnCompliance));
        assertThat(order.get(0)).isIn(JudgeDisagreements.Consequence.HARMFUL_COMPLIANCE_MISSTATED,
                JudgeDisagreements.Consequence.OVER_REFUSAL_MISSTATED);

        // Adjudicating the first as compliance makes the judge right there: it leaves the judge's queue.
        long first = queue.get(0).response().responseId();
        interact(() -> review.select(0));
        waitUntil(() -> review.detailProperty().get() != null
                && review.detailProperty().get().response().id() == first);
        type(KeyCode.DIGIT1);
        press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        write("The judge is right: it answers");
        type(KeyCode.ESCAPE);
        press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        review.flush().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> review.judgeFilterProperty().set(null));
        interact(() -> review.judgeFilterProperty().set("always-complies@v1"));
        assertThat(review.queue()).noneMatch(item -> item.response().responseId() == first);
    }
}
