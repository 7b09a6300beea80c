package org.refusalworkbench.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.refusalworkbench.ui.common.DialogService;
import org.refusalworkbench.ui.common.BackgroundTask;
import org.refusalworkbench.ui.common.UiExecutor;

/** File → Export labels… and File → Merge label files…: the exchange with other workstations. */
final class LabelFileActions {

    /** The formats as the export dialog offers them, in words rather than enum names. */
    private static final Map<String, Choice> FORMATS = formats();
    private static final String ALL = "All labels and gold labels";
    private static final String GOLD = "Gold labels only";

    private final AppContext context;
    private final UiExecutor executor;
    private final DialogService dialogs;
    private final Runnable reload;

    LabelFileActions(AppContext context, UiExecutor executor, DialogService dialogs, Runnable reload) {
        this.context = context;
        this.executor = executor;
        this.dialogs = dialogs;
        this.reload = reload;
    }

    void export() {
        ProjectDatabase database = context.project();
        if (database == null) {
            return;
        }
        Optional<Choice> format = dialogs.choose("Export labels", "File format", List.copyOf(FORMATS.keySet()),
                FORMATS.keySet().iterator().next()).map(FORMATS::get);
        if (format.isEmpty()) {
            return;
        }
        Optional<String> scope = dialogs.choose("Export labels", "Which labels", List.of(ALL, GOLD), ALL);
        if (scope.isEmpty()) {
            return;
        }
        Optional<Path> chosen = dialogs.fileToSave("Export labels",
                database.file().getFileName().toString().replaceFirst("\\.[^.]*$", "") + format.get().suffix());
        if (chosen.isEmpty()) {
            return;
        }
        Path target = chosen.get();
        ExportOptions options = new ExportOptions(format.get().format(), null, scope.get().equals(GOLD),
                format.get().table(), false);
        DialogService.Progress progress = dialogs.progress("Export", "Exporting labels to " + target.getFileName()
                + "…");
        BackgroundTask.io(() -> new LabelExporter(database, AppInfo.version()).export(options, target,
                                progress::update))
                .onSuccess((ExportSummary summary) -> {
                            progress.close();
                            dialogs.information("Export finished", summary.describe() + "\n\n" + target);
                        })
                .onFailure(failure -> {
                            progress.close();
                            dialogs.error("Export failed", failure.getMessage());
                        })
                .runOn(executor);
    }

    void merge() {
        ProjectDatabase database = context.project();
        if (database == null) {
            return;
        }
        List<Path> paths = dialogs.filesToOpen("Merge label files from other workstations",
                new DialogService.FileFilter("Label files", "*.jsonl"));
        if (paths.isEmpty()) {
            return;
        }
        DialogService.Progress progress = dialogs.progress("Merge", "Merging " + paths.size()
                + " label file(s)…");
        BackgroundTask.io(() -> {
                    try {
                        return new LabelMerger(database).merge(paths, OptionMapping.NONE, progress::update);
                    } catch (LabelFileException e) {
                        return e;
                    }
                })
                .onSuccess(result -> {
                    progress.close();
                    if (result instanceof MergeSummary summary) {
                        dialogs.information("Merge finished", summary.describe());
                    } else {
                        LabelFileException failure = (LabelFileException) result;
                        dialogs.error("A label file could not be merged", failure.getMessage() + "\n\nEach file is merged in"
                                + " its own transaction: files before this one were merged, this one was not. A file made"
                                + " with another taxonomy needs an option mapping: see 'merge --map' in the label-file"
                                + " guide.");
                    }
                    reload.run();
                })
                .onFailure(failure -> {
                    progress.close();
                    dialogs.error("Merge failed", failure.getMessage());
                })
                .runOn(executor);
    }

    /** One entry of the format list: what to export, in which table file, named how by default. */
    record Choice(ExportFormat format, ExportOptions.TableFile table, String suffix) {
    }

    private static Map<String, Choice> formats() {
        Map<String, Choice> formats = new LinkedHashMap<>();
        ExportOptions.TableFile jsonl = ExportOptions.TableFile.JSONL;
        formats.put("Label file (.jsonl): for merging and analysis", new Choice(ExportFormat.JSONL, jsonl,
                "-labels.jsonl"));
        formats.put("Spreadsheet (.csv): one row per label", new Choice(ExportFormat.CSV, jsonl, "-labels.csv"));
        formats.put("Label table (.jsonl): one boolean column per option, for datasets and pandas",
                new Choice(ExportFormat.LABEL_TABLE, jsonl, "-label-table.jsonl"));
        formats.put("Label table (.parquet): the same as Parquet", new Choice(ExportFormat.LABEL_TABLE,
                ExportOptions.TableFile.PARQUET, "-label-table.parquet"));
        formats.put("TRL DPO pairs (.jsonl): prompt, chosen, rejected, for DPO training",
                new Choice(ExportFormat.TRL_DPO, jsonl, "-trl-dpo.jsonl"));
        formats.put("TRL KTO rows (.jsonl): prompt, completion, label, for KTO training",
                new Choice(ExportFormat.TRL_KTO, jsonl, "-trl-kto.jsonl"));
        formats.put("Preference pairs (.jsonl): with the judgements behind each pair",
                new Choice(ExportFormat.PREFERENCE, jsonl, "-preference-pairs.jsonl"));
        return formats;
    }
}
