package org.refusalworkbench.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.domain.ChangeEntry;
import org.refusalworkbench.demo.DemoProject;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.ChangeHistory;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.ui.common.SameThreadExecutor;

/** Review logic without the JavaFX toolkit, against a real demo project. */
class ReviewViewModelTest {

    @TempDir
    Path folder;
    private ProjectDatabase database;
    private SameThreadExecutor executor;
    private ReviewViewModel review;

    @BeforeEach
    void openDemo() {
        database = ProjectFiles.open(new DemoProject(folder, "test").ensure());
        executor = new SameThreadExecutor();
        review = new ReviewViewModel(ReviewService.open(database, "lead"), executor);
        review.start();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theQueueOpensOnTheMostDisputedResponseAndIsOrderedByDisagreement() {
        assertThat(review.queue()).isNotEmpty();
        assertThat(review.currentIndexProperty().get()).isZero();
        for (int i = 1; i < review.queue().size(); i++) {
            assertThat(review.queue().get(i - 1).disagreement().score())
                    .isGreaterThanOrEqualTo(review.queue().get(i).disagreement().score());
        }
        assertThat(review.queue().get(0).disagreement().score()).isGreaterThan(0.5);
        assertThat(review.detailProperty().get().annotators()).hasSize(3);
        assertThat(review.detailProperty().get().response().model()).as("real model name, not blind")
                .isEqualTo(review.queue().get(0).response().model());
    }

    @Test
    void filtersNarrowTheQueue() {
        int all = review.queue().size();
        review.modelFilterProperty().set("aurora-7b");
        assertThat(review.queue()).isNotEmpty().allSatisfy(item ->
                assertThat(item.response().model()).isEqualTo("aurora-7b"));
        review.modelFilterProperty().set(null);
        review.groupFilterProperty().set("response_type");
        assertThat(review.queue()).allSatisfy(item ->
                assertThat(item.disagreement().disputedGroups()).contains("response_type"));
        review.groupFilterProperty().set(null);
        review.optionFilterProperty().set(new OptionChoice("failure_modes", "refusal_leakage", ""));
        assertThat(review.queue()).isNotEmpty().allSatisfy(item -> assertThat(item.response().byAnnotator().values())
                .anyMatch(selections -> selections.has("failure_modes", "refusal_leakage")));
        review.optionFilterProperty().set(null);
        assertThat(review.queue()).hasSize(all);
    }

    @Test
    void hotkeysEditTheGoldDraftAndSavingStoresAnAdjudicationNotALabel() throws Exception {
        ReviewQueueItem first = review.currentProperty().get();
        long responseId = first.response().responseId();
        review.pressHotkey('2');
        review.pressHotkey('S');
        assertThat(review.dirtyProperty().get()).isTrue();
        review.reasonProperty().set("Declines the dangerous part");
        review.save();
        waitForSaves();

        assertThat(review.queue().get(0).adjudicated()).isTrue();
        assertThat(review.currentIndexProperty().get()).as("moves on to the next response").isEqualTo(1);
        LabelStore.Stored gold = database.read(connection -> LabelStore.load(connection, LabelKind.ADJUDICATION,
                responseId, 0)).orElseThrow();
        assertThat(gold.selections()).isEqualTo(Selections.none().with("response_type", "full_refusal", true)
                .with("refusal_type", "safety_policy", false));
        assertThat(gold.text()).isEqualTo("Declines the dangerous part");
        long labelsByReviewer = database.read(connection -> {
            long lead = Annotators.find(connection, "lead");
            try (var query = connection.prepareStatement("SELECT count(*) FROM label WHERE annotator_id = ?")) {
                query.setLong(1, lead);
                try (var rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
        assertThat(labelsByReviewer).isZero();
        ResponseJudgements unchanged = review.judgements().stream()
                .filter(response -> response.responseId() == responseId).findFirst().orElseThrow();
        assertThat(unchanged.byAnnotator()).isEqualTo(first.response().byAnnotator());
    }

    @Test
    void aRevisedGoldLabelKeepsItsHistoryInTheChangeLog() throws Exception {
        long responseId = review.currentProperty().get().response().responseId();
        review.pressHotkey('1');
        review.save();
        waitForSaves();
        review.select(0);
        review.pressHotkey('2');
        review.reasonProperty().set("second look");
        review.save();
        waitForSaves();

        var history = database.read(connection -> ChangeHistory.ofAdjudication(connection, responseId));
        assertThat(history).extracting(ChangeEntry::action)
                .containsExactly("select", "deselect", "select", "set_reason");
        review.select(0);
        assertThat(review.detailProperty().get().history()).hasSize(4);
        assertThat(review.goldProperty().get().options("response_type")).containsExactly("full_refusal");
    }

    @Test
    void changingASavedGoldLabelStartsItsReasonEmptyButKeepsAReasonTypedForTheNewDecision() throws Exception {
        long responseId = review.currentProperty().get().response().responseId();
        review.pressHotkey('1');
        review.reasonProperty().set("XSTest final label");
        review.reasonEdited();
        review.save();
        waitForSaves();
        review.select(indexOf(responseId));
        String shownWhenReopened = review.reasonProperty().get();

        review.pressHotkey('2');
        String afterChanging = review.reasonProperty().get();
        review.reasonProperty().set("Declines outright");
        review.reasonEdited();
        review.pressHotkey('3');

        assertThat(shownWhenReopened).isEqualTo("XSTest final label");
        assertThat(afterChanging).as("a new decision does not inherit the saved one's reason").isEmpty();
        assertThat(review.reasonProperty().get()).as("the reviewer's own reason stays").isEqualTo("Declines outright");
    }

    @Test
    void queueRowsCarryTheStartOfTheirPromptAndAnEmptyProjectSaysThereIsNothingYet() throws Exception {
        ReviewQueueItem first = review.queue().get(0);
        String prompt = database.read(connection -> org.refusalworkbench.storage.PromptContentQuery.load(connection,
                first.response().promptId())).prompt().text().strip().replaceAll("\\s+", " ");

        String excerpt = review.promptExcerpt(first.response().promptId());

        assertThat(excerpt).isEqualTo(prompt.length() > 60 ? prompt.substring(0, 60).strip() + "…" : prompt);
        assertThat(review.hasLabelledResponses()).isTrue();
        try (ProjectDatabase empty = ProjectFiles.create(folder.resolve("empty.db"),
                org.refusalworkbench.taxonomy.TaxonomyReader.defaultTaxonomy(), "test")) {
            ReviewViewModel nothing = new ReviewViewModel(ReviewService.open(empty, "lead"), executor);
            nothing.start();
            assertThat(nothing.hasLabelledResponses()).isFalse();
            assertThat(nothing.queue()).isEmpty();
        }
    }

    private int indexOf(long responseId) {
        for (int i = 0; i < review.queue().size(); i++) {
            if (review.queue().get(i).response().responseId() == responseId) {
                return i;
            }
        }
        throw new AssertionError("response " + responseId + " is not in the queue");
    }

    @Test
    void acceptingTheMajoritySavesItOrAsksWhenAnnotatorsTie() throws Exception {
        int withMajority = -1;
        for (int i = 0; i < review.queue().size() && withMajority < 0; i++) {
            review.select(i);
            if (review.tiedGroupsProperty().get().isEmpty() && review.queue().get(i).disagreement().isDisputed()) {
                withMajority = i;
            }
        }
        assertThat(withMajority).isNotNegative();
        Selections majority = review.majorityProperty().get();
        long responseId = review.currentProperty().get().response().responseId();
        review.acceptMajority();
        waitForSaves();
        LabelStore.Stored gold = database.read(connection -> LabelStore.load(connection, LabelKind.ADJUDICATION,
                responseId, 0)).orElseThrow();
        assertThat(gold.selections()).isEqualTo(majority);
        assertThat(gold.text()).startsWith("Majority of 3 annotators");
    }

    @Test
    void anUnsavedDraftSurvivesMovingAround() {
        review.pressHotkey('3');
        review.next();
        review.previous();
        assertThat(review.goldProperty().get().options("response_type")).containsExactly("partial_refusal");
        assertThat(review.dirtyProperty().get()).isTrue();
    }

    @Test
    void samplesOfOneModelAnsweringDifferentlyAreFlagged() {
        assertThat(review.queue()).anySatisfy(item -> {
            assertThat(item.inconsistency()).isNotNull();
            assertThat(item.inconsistency().types().values().stream().distinct().count()).isGreaterThan(1);
        });
    }

    private void waitForSaves() throws Exception {
        for (int i = 0; i < 100 && !review.flush().isDone(); i++) {
            executor.runPending();
            Thread.sleep(20);
        }
        review.flush().get(5, TimeUnit.SECONDS);
        executor.runPending();
    }
}
