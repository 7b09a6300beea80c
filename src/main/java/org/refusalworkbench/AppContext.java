package org.refusalworkbench;

import java.nio.file.Path;

import org.refusalworkbench.demo.DataFolder;
import org.refusalworkbench.demo.DemoProject;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;

/** The composition root: builds the services the desktop app uses and owns their lifetime. */
public final class AppContext implements AutoCloseable {

    private final Path dataFolder;
    private final ProjectDatabase project;

    private AppContext(Path dataFolder, ProjectDatabase project) {
        this.dataFolder = dataFolder;
        this.project = project;
    }

    /** Opens {@code projectFile}, or the demo project when it is {@code null}. */
    public static AppContext forDesktop(Path projectFile) {
        Path dataFolder = DataFolder.resolve();
        Path file = projectFile != null ? projectFile : new DemoProject(dataFolder, AppInfo.version()).ensure();
        return new AppContext(dataFolder, ProjectFiles.open(file));
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public ProjectDatabase project() {
        return project;
    }

    @Override
    public void close() {
        project.close();
    }
}
