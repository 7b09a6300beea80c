package org.refusalworkbench.project;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.export.ExportFormat;
import org.refusalworkbench.export.ExportOptions;
import org.refusalworkbench.export.ExportSummary;
import org.refusalworkbench.export.FinalLabelJsonLines;
import org.refusalworkbench.export.LabelExporter;
import org.refusalworkbench.export.LabelTableExport;
import org.refusalworkbench.fileio.Progress;
import org.refusalworkbench.fileio.WholeFile;
import org.refusalworkbench.report.EngineAgreementMeasures;
import org.refusalworkbench.report.ProjectAgreement;
import org.refusalworkbench.storage.ProjectDatabase;

/**
 * A project as a Hugging Face dataset folder ({@code export --format hf -o FOLDER}) that
 * {@code datasets.load_dataset(FOLDER)} loads as it is: the flat label table (the default configuration), the final
 * labels, and TRL's DPO pairs where the taxonomy yields any, as JSON Lines under {@code data/}, and a
 * {@code README.md} dataset card whose YAML names the configurations, their features and the licence.
 *
 * <p>Whole or nothing: everything is written into a hidden folder beside the target, which becomes the target in
 * one rename only when every file is complete. A target that exists and is not empty is refused, so an earlier
 * export is never mixed with this one.
 */
public final class DatasetFolderExport {

    static final String LABELS = "data/labels.jsonl";
    static final String FINAL_LABELS = "data/final_labels.jsonl";
    static final String DPO = "data/trl_dpo.jsonl";

    private final ProjectDatabase database;
    private final String appVersion;

    public DatasetFolderExport(ProjectDatabase database, String appVersion) {
        this.database = database;
        this.appVersion = appVersion;
    }

    /** What was written. */
    public record Summary(Path folder, long labels, long finalLabels, long pairs) {
    }

    /**
     * @param license the card's {@code license} field: a Hugging Face licence id such as {@code cc-by-4.0}, or
     *                {@code other} when the data's terms are their own
     */
    public Summary write(Path folder, String license) throws IOException {
        checkTarget(folder);
        Path parent = folder.toAbsolutePath().getParent();
        // Not createTempDirectory: its owner-only permissions would stay on the dataset folder after the rename.
        Path staging = Files.createDirectory(parent.resolve("." + folder.getFileName() + ".partial-"
                + Long.toHexString(System.nanoTime())));
        try {
            Files.createDirectories(staging.resolve("data"));
            LabelExporter exporter = new LabelExporter(database, appVersion);
            ExportSummary labels = exporter.export(new ExportOptions(ExportFormat.LABEL_TABLE, null, false,
                    ExportOptions.TableFile.JSONL, true), staging.resolve(LABELS), Progress.NONE);
            ExportSummary pairs = exporter.export(new ExportOptions(ExportFormat.TRL_DPO, null, false),
                    staging.resolve(DPO), Progress.NONE);
            if (pairs.pairs() == 0) {
                Files.delete(staging.resolve(DPO));
            }
            ProjectReports reports = ProjectReports.of(database);
            FinalLabelList finalLabels = reports.finalLabels();
            WholeFile.write(staging.resolve(FINAL_LABELS), stream -> {
                Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                finalLabels.writeTo(new FinalLabelJsonLines(out));
                out.flush();
                return null;
            });
            ProjectAgreement agreement = reports.agreement(new EngineAgreementMeasures(ReportOptions.defaults()
                    .withBootstrap(0)), ProjectAgreement.Selection.all());
            String card = new DatasetCard(reports.projectName(), reports.taxonomy(), license,
                    LabelTableExport.columns(reports.taxonomy()), finalLabels.groupIds(), pairs.pairs() > 0,
                    DatasetCard.LabelCounts.read(staging.resolve(LABELS), reports.taxonomy()), agreement,
                    finalLabels.size(), appVersion).render();
            Files.writeString(staging.resolve("README.md"), card, StandardCharsets.UTF_8);
            moveInto(staging, folder);
            return new Summary(folder, labels.labels() + labels.intentLabels() + labels.adjudications(),
                    finalLabels.size(), pairs.pairs());
        } finally {
            if (Files.exists(staging)) {
                deleteAll(staging);
            }
        }
    }

    /** Refused before any work: a file in the way, or a folder that already holds something. */
    public static void checkTarget(Path folder) throws IOException {
        if (Files.isRegularFile(folder)) {
            throw new IOException(folder + ": is a file; a dataset export writes a folder");
        }
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                if (entries.iterator().hasNext()) {
                    throw new IOException(folder + ": the folder is not empty; give a new or empty folder, so that"
                            + " no file of an earlier export stays beside this one");
                }
            }
        }
        Path parent = folder.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException(folder + ": no such folder " + parent);
        }
    }

    private static void moveInto(Path staging, Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            Files.delete(folder);
        }
        try {
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, folder);
        }
    }

    private static void deleteAll(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
        }
    }
}
