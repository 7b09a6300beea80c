package org.refusalworkbench.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.refusalworkbench.importing.ImportException;
import org.refusalworkbench.importing.ImportFormat;
import org.refusalworkbench.importing.ImportOptions;
import org.refusalworkbench.importing.ResponseImporter;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.storage.ProjectLock;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.taxonomy.TaxonomyReader;

/**
 * The built-in demo: a project made from a bundled response file the first time it is asked for, kept in the
 * user's data folder so it can be labelled like any project, and reset to its original state on request.
 */
public final class DemoProject {

    static final String RESOURCE = "/org/refusalworkbench/demo/demo-project.jsonl";
    public static final String FILE_NAME = "demo.db";

    private final Path dataFolder;
    private final String appVersion;

    public DemoProject(Path dataFolder, String appVersion) {
        this.dataFolder = dataFolder;
        this.appVersion = appVersion;
    }

    public Path file() {
        return dataFolder.resolve(FILE_NAME);
    }

    /** @return the demo project's file, created from the bundled data if it does not exist yet */
    public Path ensure() {
        Path file = file();
        if (!Files.exists(file)) {
            build(file);
        }
        return file;
    }

    /** Throws the labelled demo away and builds it afresh. */
    public Path reset() {
        Path file = file();
        try {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the old demo project", e);
        }
        build(file);
        return file;
    }

    /** Built beside the target and moved into place, so an interrupted build never leaves a half demo. */
    private void build(Path file) {
        try {
            Files.createDirectories(dataFolder);
            Path responses = Files.createTempFile(dataFolder, "demo-", ".jsonl");
            Path building = dataFolder.resolve("demo.building.db");
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(building + suffix));
            }
            try (InputStream in = DemoProject.class.getResourceAsStream(RESOURCE)) {
                Files.copy(in, responses, StandardCopyOption.REPLACE_EXISTING);
            }
            try (ProjectDatabase database = ProjectFiles.create(building, TaxonomyReader.defaultTaxonomy(),
                    appVersion)) {
                new ResponseImporter(database).importFiles(List.of(responses), ImportOptions.of(ImportFormat.NATIVE),
                        ResponseImporter.Progress.NONE);
                ProjectSetup.rename(database, "Demo project");
            } finally {
                Files.deleteIfExists(responses);
            }
            Files.move(building, file, StandardCopyOption.ATOMIC_MOVE);
            // The build's own lock file: nothing opens the building name again.
            Files.deleteIfExists(ProjectLock.lockFileOf(building));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo project in " + dataFolder, e);
        } catch (ImportException e) {
            throw new IllegalStateException("the bundled demo data is invalid: " + e.getMessage(), e);
        }
    }
}
