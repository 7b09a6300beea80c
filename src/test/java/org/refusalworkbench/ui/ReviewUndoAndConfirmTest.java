package org.refusalworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.refusalworkbench.AppInfo;
import org.refusalworkbench.demo.DemoProject;
import org.refusalworkbench.domain.ChangeSource;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.project.ProjectReports;
import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.GoldReviews;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.ui.review.ReviewViewModel;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A reviewer over gold that came in with the data, as after importing XSTest with its final labels: confirming a
 * gold label records that they checked it, "not yet reviewed by me" leaves out what they have, and M, a changed
 * gold label and a confirmation can each be undone and redone by keyboard.
 */
class ReviewUndoAndConfirmTest extends ApplicationTest {

    private static final String IMPORTER = "xstest-import";
    private static final String IMPORTED_REASON = "XSTest final label";

    private TestWindow test;
    private Path demo;
    /** The response whose gold is left out of the import, for M to decide. */
    private long withoutGold;

    @Override
    public void start(Stage stage) throws Exception {
        test = new TestWindow(stage, context -> { });
        demo = new DemoProject(test.dataFolder, AppInfo.version()).ensure();
        try (ProjectDatabase database = ProjectFiles.open(demo)) {
            List<ResponseJudgements> responses = ProjectReports.of(database).judgements();
            withoutGold = responses.stream().filter(response -> response.byAnnotator().size() >= 2).findFirst()
                    .orElseThrow().responseId();
            database.writer().run(connection -> {
                long importer = Annotators.idFor(connection, IMPORTER);
                for (ResponseJudgements response : responses) {
                    if (response.responseId() != withoutGold) {
                        LabelStore.save(connection, LabelKind.ADJUDICATION, response.responseId(), importer,
                                Selections.of(java.util.Map.of("response_type", List.of("full_compliance"))),
                                IMPORTED_REASON, ChangeSource.IMPORT);
                    }
                }
                return null;
            });
        }
        test.window.open(demo, "lead", true);
    }

    @AfterEach
    void tearDown() throws Exception {
        test.close();
    }

    @Test
    void confirmingImportedGoldIsRecordedAndNotYetReviewedByMeLeavesItOutUntilTheConfirmationIsUndone()
            throws Exception {
        ReviewViewModel review = waitForReview();
        int all = review.queue().size();
        clickOn("#filter-not-reviewed-by-me");
        assertThat(lookup("#filter-not-reviewed-by-me").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(review.queue()).hasSize(all);
        interact(() -> review.select(indexOfImportedGold(review)));
        waitUntil(() -> review.detailProperty().get() != null && IMPORTED_REASON.equals(review.reasonProperty()
                .get()));
        long confirmed = review.currentProperty().get().response().responseId();

        ctrl(KeyCode.ENTER);                    // saved as it was: a confirmation
        review.flush().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.statusProperty().get()).contains("confirmed");
        assertThat(reviewedByLead()).containsExactly(confirmed);
        assertThat(storedGold(confirmed).orElseThrow().text()).isEqualTo(IMPORTED_REASON);

        refilter(review);
        assertThat(review.queue()).hasSize(all - 1)
                .noneMatch(item -> item.response().responseId() == confirmed);

        ctrl(KeyCode.Z);
        review.flush().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reviewedByLead()).isEmpty();
        refilter(review);
        assertThat(review.queue()).hasSize(all);
    }

    @Test
    void mCanBeUndoneToNoGoldAndRedone() throws Exception {
        ReviewViewModel review = waitForReview();
        interact(() -> review.select(indexOf(review, withoutGold)));
        waitUntil(() -> review.detailProperty().get() != null
                && review.detailProperty().get().response().id() == withoutGold);
        assertThat(review.tiedGroupsProperty().get()).as("M decides only without a tie").isEmpty();

        type(KeyCode.M);
        review.flush().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Selections majority = review.majorityProperty().get();
        assertThat(storedGold(withoutGold).orElseThrow().selections()).isEqualTo(review.queue()
                .get(indexOf(review, withoutGold)).response().gold());
        assertThat(review.currentProperty().get().response().responseId()).isNotEqualTo(withoutGold);

        ctrl(KeyCode.Z);
        review.flush().get(10, TimeUnit.SECONDS);
        waitUntil(() -> review.currentProperty().get().response().responseId() == withoutGold);
        assertThat(storedGold(withoutGold)).isEmpty();
        assertThat(review.currentProperty().get().adjudicated()).isFalse();
        assertThat(reviewedByLead()).isEmpty();

        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        review.flush().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        LabelStore.Stored redone = storedGold(withoutGold).orElseThrow();
        assertThat(redone.text()).startsWith("Majority of");
        assertThat(review.currentProperty().get().adjudicated()).isTrue();
        assertThat(majority).isNotNull();
    }

    @Test
    void undoingAChangedImportedGoldPutsBackItsOptionsReasonAndReviewer() throws Exception {
        ReviewViewModel review = waitForReview();
        interact(() -> review.select(indexOfImportedGold(review)));
        waitUntil(() -> IMPORTED_REASON.equals(review.reasonProperty().get()));
        long changed = review.currentProperty().get().response().responseId();
        LabelStore.Stored imported = storedGold(changed).orElseThrow();

        type(KeyCode.DIGIT2);                   // gold: full refusal, where the import said full compliance
        assertThat(review.reasonProperty().get()).as("a new decision starts without the old reason").isEmpty();
        ctrl(KeyCode.ENTER);
        review.flush().get(10, TimeUnit.SECONDS);
        LabelStore.Stored revised = storedGold(changed).orElseThrow();
        assertThat(revised.selections()).isNotEqualTo(imported.selections());
        assertThat(revised.personId()).isNotEqualTo(imported.personId());

        ctrl(KeyCode.Z);
        review.flush().get(10, TimeUnit.SECONDS);
        LabelStore.Stored restored = storedGold(changed).orElseThrow();
        assertThat(restored.selections()).isEqualTo(imported.selections());
        assertThat(restored.text()).isEqualTo(IMPORTED_REASON);
        assertThat(restored.personId()).isEqualTo(imported.personId());
        waitUntil(() -> review.currentProperty().get().response().responseId() == changed
                && IMPORTED_REASON.equals(review.reasonProperty().get()));
    }

    private ReviewViewModel waitForReview() {
        waitUntil(() -> test.window.review() != null && test.window.review().review().detailProperty().get() != null);
        return test.window.review().review();
    }

    private int indexOfImportedGold(ReviewViewModel review) {
        for (int i = 0; i < review.queue().size(); i++) {
            if (review.queue().get(i).response().responseId() != withoutGold) {
                return i;
            }
        }
        throw new AssertionError("no imported gold in the queue");
    }

    private static int indexOf(ReviewViewModel review, long responseId) {
        for (int i = 0; i < review.queue().size(); i++) {
            if (review.queue().get(i).response().responseId() == responseId) {
                return i;
            }
        }
        throw new AssertionError("response #" + responseId + " is not in the queue");
    }

    /** The filter is applied when it changes, as a reviewer sees it: rows they just confirmed stay until then. */
    private void refilter(ReviewViewModel review) {
        clickOn("#filter-not-reviewed-by-me");
        clickOn("#filter-not-reviewed-by-me");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.notReviewedByMeOnlyProperty().get()).isTrue();
    }

    private void ctrl(KeyCode key) {
        press(KeyCode.CONTROL).press(key).release(key).release(KeyCode.CONTROL);
    }

    private Optional<LabelStore.Stored> storedGold(long responseId) {
        return test.context.project().read(connection -> LabelStore.load(connection, LabelKind.ADJUDICATION,
                responseId, 0));
    }

    private Set<Long> reviewedByLead() {
        return test.context.project().read(connection -> GoldReviews.reviewedBy(connection,
                Annotators.find(connection, "lead")));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        TestWindow.waitUntil(condition);
    }
}
