package org.refusalworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.DamagedPages;
import org.refusalworkbench.AppContext;
import org.refusalworkbench.demo.DemoProject;
import org.refusalworkbench.project.DataFolder;
import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.storage.Backups;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.storage.ProjectHealth;
import org.refusalworkbench.ui.common.SameThreadExecutor;

/** Opening a project checks it and backs it up the same way for labelling and for review, without the toolkit. */
class ProjectSessionTest {

    @TempDir
    Path folder;
    private AppContext context;
    private SameThreadExecutor executor;
    private final List<ProjectHealth.Report> damage = new ArrayList<>();
    private final List<Throwable> backupFailures = new ArrayList<>();
    private final List<Object> shown = new ArrayList<>();
    private ProjectSession session;

    @BeforeEach
    void setUp() {
        System.setProperty(DataFolder.PROPERTY, folder.resolve("data").toString());
        context = AppContext.forDesktop();
        executor = new SameThreadExecutor();
        session = new ProjectSession(context, executor, ProjectSession.CHECK_DELAY, new ProjectSession.Safety() {
            @Override
            public void damaged(ProjectHealth.Report report, Path file) {
                damage.add(report);
            }

            @Override
            public void backupFailed(Throwable failure, Path file) {
                backupFailures.add(failure);
            }
        });
    }

    @AfterEach
    void tearDown() {
        context.close();
        System.clearProperty(DataFolder.PROPERTY);
    }

    @Test
    void openingForReviewChecksTheProjectAndTakesARollingBackup() throws Exception {
        Path file = study();

        open(file, database -> ReviewService.open(database, "lead"));
        assertThat(shown).hasSize(1);
        assertThat(Backups.list(file)).as("the check waits until the project is on screen").isEmpty();
        executor.runTimers();

        assertThat(Backups.list(file)).hasSize(1);
        assertThat(Backups.list(file).get(0).getParent().getFileName()).hasToString("study.db.backups");
        assertThat(damage).isEmpty();
        assertThat(backupFailures).isEmpty();
    }

    @Test
    void openingForLabellingChecksTheProjectAndTakesARollingBackup() throws Exception {
        Path file = study();

        open(file, database -> OpenedForLabelling.on(database, "alice"));
        executor.runTimers();

        assertThat(shown).hasSize(1);
        assertThat(Backups.list(file)).hasSize(1);
    }

    @Test
    void aDamagedProjectIsReportedTheSameWayInBothModesAndNotBackedUp() throws Exception {
        Path file = study();
        DamagedPages.zeroRootPage(file, "change_log");

        open(file, database -> OpenedForLabelling.on(database, "alice"));
        executor.runTimers();
        open(file, database -> ReviewService.open(database, "lead"));
        executor.runTimers();

        assertThat(shown).as("both modes open the file; the damage is in a table neither reads to start").hasSize(2);
        assertThat(damage).hasSize(2).allSatisfy(report -> assertThat(report.isDamaged()).isTrue());
        assertThat(damage.get(1).integrity()).isEqualTo(damage.get(0).integrity());
        assertThat(Backups.list(file)).as("no backup of a damaged file").isEmpty();
    }

    @Test
    void aCheckDueAfterAnotherProjectWasOpenedLeavesItToThatProjectsOwnCheck() throws Exception {
        Path first = study();
        Path second = folder.resolve("second.db");
        Files.copy(first, second);

        open(first, database -> ReviewService.open(database, "lead"));
        open(second, database -> ReviewService.open(database, "lead"));
        executor.runTimers();

        assertThat(Backups.list(first)).isEmpty();
        assertThat(Backups.list(second)).hasSize(1);
    }

    private <W> void open(Path file, Function<ProjectDatabase, W> mode) {
        session.open(file, mode, shown::add, failure -> {
            throw new AssertionError("did not open", failure);
        });
    }

    /** The demo project under a name of its own, checkpointed, so damage to the file is damage to its data. */
    private Path study() throws Exception {
        Path file = folder.resolve("study.db");
        Files.copy(new DemoProject(folder.resolve("demo"), "test").ensure(), file);
        ProjectFiles.open(file).close();
        return file;
    }
}
