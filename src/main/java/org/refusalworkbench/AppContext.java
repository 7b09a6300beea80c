package org.refusalworkbench;

import java.io.IOException;
import java.nio.file.Path;

import org.refusalworkbench.demo.DemoProject;
import org.refusalworkbench.project.DataFolder;
import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.report.EngineAgreementMeasures;
import org.refusalworkbench.storage.Backups;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.storage.ProjectHealth;
import org.refusalworkbench.taxonomy.InvalidTaxonomyException;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyReader;

/**
 * The composition root: builds the services the desktop app uses and owns their lifetime. One project is open at a
 * time; opening another closes the previous one, which waits for its pending writes.
 */
public final class AppContext implements AutoCloseable {

    /** How many rolling backups to keep per project (0 turns them off). */
    public static final String BACKUPS_PROPERTY = "refusalworkbench.backups";

    private final Path dataFolder;
    private ProjectDatabase project;
    private AgreementMeasures agreementMeasures = new EngineAgreementMeasures();

    private AppContext(Path dataFolder, ProjectDatabase project) {
        this.dataFolder = dataFolder;
        this.project = project;
    }

    /** A context with no project open yet; the start dialog or the File menu opens one. */
    public static AppContext forDesktop() {
        return new AppContext(DataFolder.resolve(), null);
    }

    /** Opens {@code projectFile}, or the demo project when it is {@code null}. */
    public static AppContext forDesktop(Path projectFile) {
        AppContext context = forDesktop();
        context.open(projectFile != null ? projectFile : context.demoProjectFile());
        return context;
    }

    public Path dataFolder() {
        return dataFolder;
    }

    /** The open project, or {@code null}. */
    public synchronized ProjectDatabase project() {
        return project;
    }

    /** The annotators a project file knows, read without opening it (see {@link ProjectFiles#annotatorNames}). */
    public java.util.List<String> annotatorNamesOf(Path project) {
        return ProjectFiles.annotatorNames(project);
    }

    /** Where the demo project's file is or will be, without building it. */
    public Path demoProjectLocation() {
        return new DemoProject(dataFolder, AppInfo.version()).file();
    }

    /** The demo project's file, built from the bundled data on first use. */
    public Path demoProjectFile() {
        return new DemoProject(dataFolder, AppInfo.version()).ensure();
    }

    /** How agreement coefficients are computed: the agreement engine, unless a test swaps it. */
    public synchronized AgreementMeasures agreementMeasures() {
        return agreementMeasures;
    }

    public synchronized void setAgreementMeasures(AgreementMeasures measures) {
        this.agreementMeasures = measures;
    }

    public synchronized ProjectDatabase open(Path file) {
        closeProject();
        project = ProjectFiles.open(file);
        return project;
    }

    /** Creates and opens a project with the default taxonomy, or the one in {@code taxonomyFile}. */
    public synchronized ProjectDatabase create(Path file, Path taxonomyFile) throws IOException,
            InvalidTaxonomyException {
        Taxonomy taxonomy = taxonomyFile == null ? TaxonomyReader.defaultTaxonomy()
                : new TaxonomyReader().read(taxonomyFile);
        closeProject();
        project = ProjectFiles.create(file, taxonomy, AppInfo.version());
        return project;
    }

    /** Checks the open project for damage and, when sound, takes a rolling backup (see {@link Backups}). */
    public ProjectHealth.Report checkHealthAndBackUp() {
        ProjectDatabase database = project();
        int keep = Integer.getInteger(BACKUPS_PROPERTY, Backups.DEFAULT_KEEP);
        return ProjectHealth.checkThenBackUp(database, keep);
    }

    /**
     * Closes any open project and puts {@code backup} in place of {@code file}; open it again afterwards. Forced:
     * the person was told that labels made after the backup are lost, and agreed.
     */
    public synchronized void restore(Path backup, Path file) {
        closeProject();
        Backups.restore(backup, file, true);
    }

    private void closeProject() {
        if (project != null) {
            project.close();
            project = null;
        }
    }

    @Override
    public synchronized void close() {
        closeProject();
    }
}
