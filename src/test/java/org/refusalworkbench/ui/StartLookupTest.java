package org.refusalworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.AppContext;
import org.refusalworkbench.project.DataFolder;
import org.refusalworkbench.ui.common.SameThreadExecutor;

/** The start dialog's offer of a project's annotators, as the app wires it: the demo's names, nothing for junk. */
class StartLookupTest {

    @TempDir
    Path folder;

    @Test
    void theDemosAnnotatorsAreOfferedAndAFileThatIsNoProjectOffersNone() throws Exception {
        System.setProperty(DataFolder.PROPERTY, folder.toString());
        try (AppContext context = AppContext.forDesktop()) {
            Path demo = context.demoProjectFile();
            Path junk = Files.writeString(folder.resolve("junk.db"), "not a database");
            List<List<String>> offered = new ArrayList<>();

            WorkbenchApp.annotatorLookup(context, new SameThreadExecutor()).annotatorsOf(demo, offered::add);
            WorkbenchApp.annotatorLookup(context, new SameThreadExecutor()).annotatorsOf(junk, offered::add);

            assertThat(offered).containsExactly(List.of("annotator-a", "annotator-b", "annotator-c"), List.of());
        } finally {
            System.clearProperty(DataFolder.PROPERTY);
        }
    }
}
