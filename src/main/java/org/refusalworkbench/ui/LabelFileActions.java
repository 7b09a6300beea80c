package org.refusalworkbench.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.refusalworkbench.AppContext;
import org.refusalworkbench.AppInfo;
import org.refusalworkbench.export.ExportFormat;
import org.refusalworkbench.export.ExportOptions;
import org.refusalworkbench.export.ExportSummary;
import org.refusalworkbench.export.LabelExporter;
import org.refusalworkbench.labelfile.LabelFileException;
import org.refusalworkbench.labelfile.LabelMerger;
import org.refusalworkbench.labelfile.MergeSummary;
import org.refusalworkbench.labelfile.OptionMapping;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.ui.common.ProgressDialog;
import org.refusalworkbench.ui.common.UiExecutor;

/** File → Export labels… and File → Merge label files…: the exchange with other workstations. */
final class LabelFileActions {

    /** The formats as the export dialog offers them, in words rather than enum names. */
    private static final Map<String, ExportFormat> FORMATS = formats();
    private static final String ALL = "All labels and gold labels";
    private static final String GOLD = "Gold labels only";

    private final Stage stage;
    private final AppContext context;
    private final UiExecutor executor;
    private final BiConsumer<String, String> info;
    private final BiConsumer<String, String> error;
    private final Runnable reload;

    LabelFileActions(Stage stage, AppContext context, UiExecutor executor, BiConsumer<String, String> info,
                     BiConsumer<String, String> error, Runnable reload) {
        this.stage = stage;
        this.context = context;
        this.executor = executor;
        this.info = info;
        this.error = error;
        this.reload = reload;
    }

    void export() {
        ProjectDatabase database = context.project();
        if (database == null) {
            return;
        }
        Optional<ExportFormat> format = choose("Export labels", "File format", List.copyOf(FORMATS.keySet()),
                FORMATS.keySet().iterator().next()).map(FORMATS::get);
        if (format.isEmpty()) {
            return;
        }
        Optional<String> scope = choose("Export labels", "Which labels", List.of(ALL, GOLD), ALL);
        if (scope.isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export labels");
        chooser.setInitialFileName(database.file().getFileName().toString().replaceFirst("\\.[^.]*$", "")
                + (format.get() == ExportFormat.PREFERENCE ? "-preference-pairs" : "-labels")
                + format.get().fileExtension());
        File target = chooser.showSaveDialog(stage);
        if (target == null) {
            return;
        }
        ExportOptions options = new ExportOptions(format.get(), null, scope.get().equals(GOLD));
        ProgressDialog progress = new ProgressDialog(stage, "Export", "Exporting labels to " + target.getName()
                + "…").show();
        executor.longRunning(() -> new LabelExporter(database, AppInfo.version()).export(options, target.toPath(),
                        progress::update),
                (ExportSummary summary) -> {
                    progress.close();
                    info.accept("Export finished", summary.describe() + "\n\n" + target);
                },
                failure -> {
                    progress.close();
                    error.accept("Export failed", failure.getMessage());
                });
    }

    void merge() {
        ProjectDatabase database = context.project();
        if (database == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Merge label files from other workstations");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Label files", "*.jsonl"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files == null || files.isEmpty()) {
            return;
        }
        List<Path> paths = files.stream().map(File::toPath).toList();
        ProgressDialog progress = new ProgressDialog(stage, "Merge", "Merging " + files.size()
                + " label file(s)…").show();
        executor.longRunning(() -> {
            try {
                return new LabelMerger(database).merge(paths, OptionMapping.NONE, progress::update);
            } catch (LabelFileException e) {
                return e;
            }
        }, result -> {
            progress.close();
            if (result instanceof MergeSummary summary) {
                info.accept("Merge finished", summary.describe());
            } else {
                LabelFileException failure = (LabelFileException) result;
                error.accept("A label file could not be merged", failure.getMessage() + "\n\nEach file is merged in"
                        + " its own transaction: files before this one were merged, this one was not. A file made"
                        + " with another taxonomy needs an option mapping: see 'merge --map' in the label-file"
                        + " guide.");
            }
            reload.run();
        }, failure -> {
            progress.close();
            error.accept("Merge failed", failure.getMessage());
        });
    }

    private static Map<String, ExportFormat> formats() {
        Map<String, ExportFormat> formats = new LinkedHashMap<>();
        formats.put("Label file (.jsonl): for merging and analysis", ExportFormat.JSONL);
        formats.put("Spreadsheet (.csv): one row per label", ExportFormat.CSV);
        formats.put("Preference pairs (.jsonl): for preference training", ExportFormat.PREFERENCE);
        return formats;
    }

    private <T> Optional<T> choose(String title, String question, List<T> choices, T initial) {
        ChoiceDialog<T> dialog = new ChoiceDialog<>(initial, choices);
        dialog.initOwner(stage);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(question + ":");
        return dialog.showAndWait();
    }
}
