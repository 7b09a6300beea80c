package org.refusalworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.project.AnnotationService;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;

class SettingsCommandTest {

    @TempDir
    Path folder;

    @Test
    void aLeadRequiresCompletePromptsAndLabelersOpeningTheProjectSeeIt() {
        Path project = folder.resolve("study.db");
        CliRun.ok("init", project.toString());
        assertThat(CliRun.ok("settings", project.toString()).out()).contains("done-requires-complete: false");

        assertThat(CliRun.ok("settings", project.toString(), "--done-requires-complete=true").out())
                .contains("done-requires-complete: true");
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            assertThat(AnnotationService.open(database, "alice").doneRequiresComplete()).isTrue();
        }

        CliRun.ok("settings", project.toString(), "--done-requires-complete", "false");
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            assertThat(AnnotationService.open(database, "alice").doneRequiresComplete()).isFalse();
        }
    }

    @Test
    void aValueOtherThanTrueOrFalseIsRefusedWithExitTwoAndChangesNothing() {
        Path project = folder.resolve("study.db");
        CliRun.ok("init", project.toString());
        CliRun refused = CliRun.of("settings", project.toString(), "--done-requires-complete=yes");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--done-requires-complete").doesNotContain("Exception");
        assertThat(CliRun.ok("settings", project.toString()).out()).contains("done-requires-complete: false");
    }
}
