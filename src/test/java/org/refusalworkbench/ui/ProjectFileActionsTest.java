package org.refusalworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.AppContext;
import org.refusalworkbench.project.DataFolder;
import org.refusalworkbench.ui.annotate.AnnotationViewModel;
import org.refusalworkbench.ui.common.SameThreadExecutor;
import org.refusalworkbench.ui.common.UiSettings;
import org.refusalworkbench.project.ReviewService;

/** File → New project… and Import responses… as the dialogs answer them, without the toolkit. */
class ProjectFileActionsTest {

    @TempDir
    Path folder;
    private AppContext context;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private ProjectSessionViewModel session;
    private ProjectFileActions actions;

    @BeforeEach
    void setUp() {
        System.setProperty(DataFolder.PROPERTY, folder.resolve("data").toString());
        context = AppContext.forDesktop();
        SameThreadExecutor executor = new SameThreadExecutor();
        session = new ProjectSessionViewModel(context, new UiSettings(folder.resolve(UiSettings.FILE_NAME)),
                executor, dialogs, ProjectSession.CHECK_DELAY, new ProjectSessionViewModel.Screen() {
                    @Override
                    public void showLabelling(AnnotationViewModel workspace, boolean readOnly) {
                    }

                    @Override
                    public ProjectSessionViewModel.PendingSaves showReview(ReviewService service) {
                        return ProjectSessionViewModel.PendingSaves.NONE;
                    }
                });
        actions = new ProjectFileActions(context, executor, dialogs, session);
    }

    @AfterEach
    void tearDown() {
        context.close();
        System.clearProperty(DataFolder.PROPERTY);
    }

    @Test
    void aNewProjectWithTheDefaultTaxonomyIsCreatedAndOpened() {
        Path target = folder.resolve("labels.db");
        session.open(null, "alice", false);
        dialogs.answer(target).answer("Default taxonomy");

        actions.newProject();

        assertThat(target).exists();
        assertThat(context.project().file()).isEqualTo(target);
        assertThat(session.titleProperty().get()).contains("labels.db");
        assertThat(dialogs.shown("error")).isEmpty();
    }

    @Test
    void cancellingWhereTheNewProjectGoesAsksNothingMoreAndCreatesNothing() {
        dialogs.answer(null);

        actions.newProject();

        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("fileToSave");
        assertThat(context.project()).isNull();
    }

    @Test
    void anImportThatStopsAtABadLineSaysWhereAndClosesItsProgress() throws Exception {
        session.open(null, "alice", false);
        Path bad = folder.resolve("bad.jsonl");
        Files.writeString(bad, "{ not json\n");
        dialogs.answer(List.of(bad));

        actions.importResponses();

        assertThat(dialogs.shown("progress closed")).hasSize(1);
        assertThat(dialogs.shown("error")).singleElement().satisfies(error -> {
            assertThat(error.title()).isEqualTo("Nothing was imported");
            assertThat(error.text()).contains("bad.jsonl:1");
        });
    }

    @Test
    void anImportWithSeveralBadLinesListsThemAllInOneDialog() throws Exception {
        session.open(null, "alice", false);
        Path bad = folder.resolve("bad.jsonl");
        Files.writeString(bad, "{\"prompt\": \"p\"}\n{ not json\n{\"prompt\": \"q\", \"model\": \"m\"}\n");
        dialogs.answer(List.of(bad));

        actions.importResponses();

        assertThat(dialogs.shown("error")).singleElement().satisfies(error -> {
            assertThat(error.text()).contains("Fix them and import again")
                    .contains("bad.jsonl:1: missing required field 'model'")
                    .contains("bad.jsonl:2: not valid JSON")
                    .contains("bad.jsonl:3: give either 'response' (text) or 'messages'")
                    .contains("(3 problems in all)");
        });
    }

    @Test
    void aChatFileNamingNoModelAsksForTheModelAndImportsWithIt() throws Exception {
        session.open(null, "alice", false);
        Path chat = folder.resolve("chat.jsonl");
        Files.writeString(chat, "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"},"
                + " {\"role\": \"assistant\", \"content\": \"hello\"}]}\n");
        dialogs.answer(List.of(chat));
        dialogs.answer("tulu");

        actions.importResponses();

        assertThat(dialogs.shown("text")).singleElement().satisfies(asked ->
                assertThat(asked.text()).contains("name no model"));
        assertThat(dialogs.shown("error")).isEmpty();
        assertThat(dialogs.shown("information")).singleElement().satisfies(done ->
                assertThat(done.text()).contains("1 response(s) added"));
    }

    @Test
    void aFileOfAnyShapeImportsThroughAMappingFileChosenAfterIt() throws Exception {
        session.open(null, "alice", false);
        Path rows = Files.writeString(folder.resolve("rows.csv"), "question,answer\nq,a\n");
        Path map = Files.writeString(folder.resolve("map.json"), "{\"fields\": {\"prompt\": \"question\","
                + " \"response\": \"answer\"}}");
        dialogs.answer(List.of(rows));
        dialogs.answer(map);
        dialogs.answer("m");

        actions.importWithMapping();

        assertThat(dialogs.shown("text")).hasSize(1);
        assertThat(dialogs.shown("information")).singleElement().satisfies(done ->
                assertThat(done.text()).contains("1 response(s) added"));
    }

    @Test
    void aMistakeInTheMappingFileIsShownNamingItsEntry() throws Exception {
        session.open(null, "alice", false);
        Path rows = Files.writeString(folder.resolve("rows.csv"), "question,answer\nq,a\n");
        Path map = Files.writeString(folder.resolve("map.json"), "{\"fields\": {\"question\": \"prompt\"}}");
        dialogs.answer(List.of(rows));
        dialogs.answer(map);

        actions.importWithMapping();

        assertThat(dialogs.shown("error")).singleElement().satisfies(error ->
                assertThat(error.text()).contains("map.json: fields.question: not one of our fields"));
    }
}
