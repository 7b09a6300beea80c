package org.refusalworkbench.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.refusalworkbench.AppContext;
import org.refusalworkbench.importing.ImportException;
import org.refusalworkbench.importing.ImportMapping;
import org.refusalworkbench.importing.ImportOptions;
import org.refusalworkbench.importing.ImportSummary;
import org.refusalworkbench.importing.ResponseImporter;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.ui.common.DialogService;
import org.refusalworkbench.ui.common.BackgroundTask;
import org.refusalworkbench.ui.common.UiExecutor;

/** File → New project…, Open project…, the demo, recent projects and Import responses…: what is worked on. */
final class ProjectFileActions {

    private static final String DEFAULT_TAXONOMY = "Default taxonomy";
    private static final String OWN_TAXONOMY = "Choose file…";

    private final AppContext context;
    private final UiExecutor executor;
    private final DialogService dialogs;
    private final ProjectSessionViewModel session;

    ProjectFileActions(AppContext context, UiExecutor executor, DialogService dialogs,
                       ProjectSessionViewModel session) {
        this.context = context;
        this.executor = executor;
        this.dialogs = dialogs;
        this.session = session;
    }

    void openDemo() {
        session.open(null);
    }

    void openRecent(Path project) {
        session.open(project);
    }

    void newProject() {
        Optional<Path> target = dialogs.fileToSave("New project", "labels.db");
        if (target.isEmpty()) {
            return;
        }
        Optional<String> answer = dialogs.ask("Use the default refusal taxonomy, or a taxonomy file of your own?",
                List.of(DEFAULT_TAXONOMY, OWN_TAXONOMY));
        if (answer.isEmpty()) {
            return;
        }
        Path taxonomy = null;
        if (answer.get().equals(OWN_TAXONOMY)) {
            Optional<Path> file = dialogs.fileToOpen(null, new DialogService.FileFilter("Taxonomy", "*.json"));
            if (file.isEmpty()) {
                return;
            }
            taxonomy = file.get();
        }
        Path taxonomyFile = taxonomy;
        session.flushPendingSaves();
        BackgroundTask.read(() -> {
                    context.create(target.get(), taxonomyFile);
                    return target.get();
                })
                .onSuccess(created -> session.open(created))
                .onFailure(failure -> dialogs.error("Cannot create the project", failure.getMessage()))
                .runOn(executor);
    }

    void openProject() {
        dialogs.fileToOpen("Open project").ifPresent(file -> session.open(file));
    }

    /** One transaction for all chosen files: an error names FILE:LINE and leaves the project as it was. */
    void importResponses() {
        ProjectDatabase database = context.project();
        if (database == null) {
            return;
        }
        List<Path> files = dialogs.filesToOpen("Import responses (JSON Lines, JSON, CSV or Parquet)",
                new DialogService.FileFilter("Response files", "*.jsonl", "*.json", "*.ndjson", "*.csv",
                        "*.parquet"));
        if (files.isEmpty()) {
            return;
        }
        importFiles(database, files, ImportOptions.recognised());
    }

    /**
     * Files of any shape, read through a mapping file (docs/importing.md): the files first, then the mapping. A
     * mistake in the mapping file is shown as any import problem is, naming the entry.
     */
    void importWithMapping() {
        ProjectDatabase database = context.project();
        if (database == null) {
            return;
        }
        List<Path> files = dialogs.filesToOpen("Import responses through a mapping file",
                new DialogService.FileFilter("Response files", "*.jsonl", "*.json", "*.ndjson", "*.csv",
                        "*.parquet"));
        if (files.isEmpty()) {
            return;
        }
        Optional<Path> mappingFile = dialogs.fileToOpen("The mapping file",
                new DialogService.FileFilter("Mapping files", "*.json"));
        if (mappingFile.isEmpty()) {
            return;
        }
        try {
            importFiles(database, files, new ImportOptions(null, null, false, ImportMapping.read(mappingFile.get())));
        } catch (ImportException e) {
            dialogs.error("Nothing was imported", "The mapping file has a problem, so nothing was imported:\n\n"
                    + e.getMessage());
        }
    }

    /**
     * Imports; when the only problem is rows naming no model (chat and preference datasets rarely do), asks for
     * the model and imports again with it, as {@code --model} does on the command line.
     */
    private void importFiles(ProjectDatabase database, List<Path> files, ImportOptions options) {
        DialogService.Progress progress = dialogs.progress("Import", "Importing " + files.size() + " file(s)…");
        BackgroundTask.io(() -> {
                    try {
                        return new ResponseImporter(database).importFiles(files, options, progress::update);
                    } catch (ImportException e) {
                        return e;
                    }
                })
                .onSuccess(result -> {
                    progress.close();
                    if (result instanceof ImportSummary summary) {
                        dialogs.information("Import finished", summary.describe());
                        session.open(database.file());
                    } else if (((ImportException) result).lacksModel() && options.model() == null) {
                        dialogs.text("Which model?", "These rows name no model. The model whose responses they are",
                                "").ifPresent(model -> importFiles(database, files, new ImportOptions(
                                options.format(), model, options.keepUnknown(), options.mapping())));
                    } else {
                        ImportException failure = (ImportException) result;
                        int problems = 1 + failure.more().size();
                        dialogs.error("Nothing was imported", "The files have " + (problems == 1 ? "a problem"
                                : "problems") + ", so nothing was imported and the project is unchanged. Fix "
                                + (problems == 1 ? "it" : "them") + " and import again:\n\n" + failure.getMessage());
                    }
                })
                .onFailure(failure -> {
                    progress.close();
                    dialogs.error("Import failed", failure.getMessage());
                })
                .runOn(executor);
    }
}
