package org.refusalworkbench.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.DamagedPages;
import org.refusalworkbench.AppContext;
import org.refusalworkbench.project.DataFolder;
import org.refusalworkbench.demo.DemoProject;
import org.refusalworkbench.storage.Backups;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.ui.annotate.AnnotationViewModel;
import org.refusalworkbench.ui.common.SameThreadExecutor;
import org.refusalworkbench.ui.common.UiSettings;
import org.refusalworkbench.project.ReviewService;

/** Opening projects and switching between them and between modes, without the toolkit. */
class ProjectSessionViewModelTest {

    @TempDir
    Path folder;
    private AppContext context;
    private SameThreadExecutor executor;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> events = new ArrayList<>();
    private CompletableFuture<Void> reviewSaves = CompletableFuture.completedFuture(null);
    private ProjectSessionViewModel session;

    @BeforeEach
    void setUp() {
        System.setProperty(DataFolder.PROPERTY, folder.resolve("data").toString());
        context = AppContext.forDesktop();
        executor = new SameThreadExecutor();
        UiSettings settings = new UiSettings(folder.resolve(UiSettings.FILE_NAME));
        session = new ProjectSessionViewModel(context, settings, executor, dialogs, ProjectSession.CHECK_DELAY,
                new ProjectSessionViewModel.Screen() {
                    @Override
                    public void showLabelling(AnnotationViewModel workspace, boolean readOnly) {
                        events.add("labelling shown");
                    }

                    @Override
                    public ProjectSessionViewModel.PendingSaves showReview(ReviewService service) {
                        events.add("review shown");
                        return () -> {
                            events.add("review saved");
                            return reviewSaves;
                        };
                    }
                });
    }

    @AfterEach
    void tearDown() {
        context.close();
        System.clearProperty(DataFolder.PROPERTY);
    }

    @Test
    void everyWayOfOpeningChecksTheProjectAndTakesARollingBackup() throws Exception {
        Path forLabelling = study("labelling.db");
        Path forReview = study("review.db");
        Path early = study("early.db");

        session.open(forLabelling, "alice", false);
        executor.runTimers();
        session.open(forReview, "lead", true);
        executor.runTimers();
        session.open(CompletableFuture.completedFuture(ProjectSession.open(context, early,
                database -> OpenedForLabelling.on(database, "alice"))), early, "alice");
        executor.runTimers();

        assertThat(events).containsExactly("labelling shown", "review shown", "review saved", "labelling shown");
        assertThat(Backups.list(forLabelling)).hasSize(1);
        assertThat(Backups.list(forReview)).hasSize(1);
        assertThat(Backups.list(early)).hasSize(1);
        assertThat(dialogs.shown()).isEmpty();
        assertThat(session.placeholderProperty().get()).isNull();
    }

    @Test
    void switchingModeSavesWhatTheOpenModeHasNotWrittenBeforeOpeningAgain() throws Exception {
        Path file = study("study.db");

        session.open(file, "lead", true);
        session.open(file, "alice", false);

        assertThat(events).containsExactly("review shown", "review saved", "labelling shown");
        assertThat(session.labelling()).isNotNull();
        assertThat(session.titleProperty().get()).contains("alice").contains("study.db");
    }

    @Test
    void goldLabelsThatCouldNotBeSavedBeforeSwitchingAreReported() throws Exception {
        Path file = study("study.db");
        session.open(file, "lead", true);
        reviewSaves = CompletableFuture.failedFuture(new java.io.IOException("disk full"));

        session.open(file, "alice", false);

        assertThat(dialogs.shown("error")).singleElement().satisfies(error -> {
            assertThat(error.title()).isEqualTo("Some gold labels may not be saved");
            assertThat(error.text()).contains("disk full");
        });
    }

    @Test
    void aDamagedProjectIsReportedThroughTheDialogsAndNotBackedUp() throws Exception {
        Path file = study("study.db");
        DamagedPages.zeroRootPage(file, "change_log");

        session.open(file, "alice", false);
        executor.runTimers();

        assertThat(dialogs.shown("error")).singleElement().satisfies(error -> {
            assertThat(error.title()).isEqualTo("The project file is damaged");
            assertThat(error.text()).contains("No good backup was found");
        });
        assertThat(Backups.list(file)).isEmpty();
    }

    @Test
    void aFileThatIsNoProjectIsReportedAndTheWindowSaysNothingIsOpen() throws Exception {
        Path file = folder.resolve("notes.db");
        Files.writeString(file, "not a project");

        session.open(file, "alice", false);

        assertThat(dialogs.shown("error")).singleElement()
                .satisfies(error -> assertThat(error.title()).isEqualTo("Cannot open the project"));
        assertThat(session.placeholderProperty().get()).isEqualTo(ProjectSessionViewModel.NOT_OPENED);
        assertThat(events).isEmpty();
    }

    @Test
    void theSessionViewModelNeedsNoToolkit() {
        noClasses().that().haveSimpleNameStartingWith("ProjectSessionViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..")
                .check(new ClassFileImporter().importPackages("org.refusalworkbench.ui"));
    }

    /** The demo project under a name of its own, checkpointed, so damage to the file is damage to its data. */
    private Path study(String name) throws Exception {
        Path file = folder.resolve(name);
        Files.copy(new DemoProject(folder.resolve("demo-" + name), "test").ensure(), file);
        ProjectFiles.open(file).close();
        return file;
    }
}
