package org.refusalworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.refusalworkbench.storage.Backups;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.taxonomy.TaxonomyReader;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** What the window says while a project opens, and when it cannot. */
class OpeningProjectsTest extends ApplicationTest {

    private TestWindow test;

    @Override
    public void start(Stage stage) throws Exception {
        test = new TestWindow(stage, context -> { });
    }

    @AfterEach
    void tearDown() throws Exception {
        test.close();
    }

    @Test
    void anOlderProjectSaysItIsBeingUpgradedUntilItOpens() throws Exception {
        Path file = test.dataFolder.resolve("older.db");
        try (ProjectDatabase created = ProjectFiles.create(file, TaxonomyReader.defaultTaxonomy(), "older")) {
            // A file that says it has the first schema: opening it runs the upgrade, which rebuilds its tables.
            created.writer().run(connection -> connection.createStatement().execute("PRAGMA user_version = 1"));
        }
        assertThat(ProjectDatabase.needsUpgrade(file)).isTrue();

        // Another process writing holds the upgrade back, long enough to see what the window says meanwhile.
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            interact(() -> test.window.open(file, "someone"));
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !lookup(this::saysUpgrading).queryAll().isEmpty());
            assertThat(test.window.workspace()).isNull();
            statement.execute("ROLLBACK");
        }

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> test.window.workspace() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup(this::saysUpgrading).queryAll()).isEmpty();
        assertThat(test.context.project().schemaVersion()).isEqualTo(ProjectDatabase.latestSchemaVersion());
        assertThat(ProjectDatabase.needsUpgrade(file)).isFalse();
    }

    @Test
    void aFileThatCannotBeOpenedLeavesTheWindowSayingSoNotOpening() throws Exception {
        Path file = test.dataFolder.resolve("notes.db");
        java.nio.file.Files.writeString(file, "not a project");

        interact(() -> test.window.open(file, "someone"));

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !lookup(node -> node instanceof Label label
                && ProjectSessionViewModel.NOT_OPENED.equals(label.getText())).queryAll().isEmpty());
        assertThat(lookup(node -> node instanceof Label label && ProjectSessionViewModel.OPENING.equals(label.getText()))
                .queryAll()).isEmpty();
        assertThat(test.window.workspace()).isNull();
    }

    @Test
    void openingForReviewTakesARollingBackupBesideTheProject() throws Exception {
        interact(() -> test.window.open(null, "lead", true));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> test.window.review() != null);
        Path project = test.context.project().file();

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Backups.list(project).stream()
                .anyMatch(backup -> "ok".equals(Backups.integrity(backup))));
        assertThat(Backups.list(project).get(0).getParent().getFileName())
                .hasToString(project.getFileName() + ".backups");
    }

    private boolean saysUpgrading(javafx.scene.Node node) {
        return node instanceof Label label && ProjectSessionViewModel.UPGRADING.equals(label.getText()) && label.isVisible();
    }
}
