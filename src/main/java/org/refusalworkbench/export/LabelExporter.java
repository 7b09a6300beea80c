package org.refusalworkbench.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import org.refusalworkbench.fileio.Progress;
import org.refusalworkbench.fileio.WholeFile;
import org.refusalworkbench.storage.ExportSnapshot;
import org.refusalworkbench.storage.ProjectDatabase;

/**
 * Exports a project's labels as a label file, a CSV spreadsheet or preference pairs. The export reads one
 * snapshot of the project (a read transaction), so labels saved in the app meanwhile never tear it; it streams
 * row by row, so its memory does not grow with the project.
 */
public final class LabelExporter {

    private final ProjectDatabase database;
    private final String appVersion;

    public LabelExporter(ProjectDatabase database, String appVersion) {
        this.database = database;
        this.appVersion = appVersion;
    }

    /** Writes to {@code target} whole or not at all ({@link WholeFile}). */
    public ExportSummary export(ExportOptions options, Path target, Progress progress) throws IOException {
        return WholeFile.write(target, out -> export(options, out, progress));
    }

    /** Writes to {@code out} (left open), e.g. standard output. */
    public ExportSummary export(ExportOptions options, OutputStream out, Progress progress) throws IOException {
        return ExportSnapshot.read(database, snapshot -> {
            requireKnownAnnotator(snapshot, options.annotator());
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            ExportSummary summary = switch (options.format()) {
                case JSONL -> new JsonlExport(snapshot, appVersion).write(options, buffered, progress);
                case CSV -> new CsvExport(snapshot).write(options, buffered, progress);
                case PREFERENCE -> new PreferenceExport(snapshot).write(options, buffered, progress);
                case TRL_DPO, TRL_KTO -> new TrlExport(snapshot, options.format()).write(options, buffered, progress);
                case LABEL_TABLE -> new LabelTableExport(snapshot).write(options, buffered, progress);
            };
            buffered.flush();
            return summary;
        });
    }

    private static void requireKnownAnnotator(ExportSnapshot snapshot, String annotator) throws Exception {
        if (annotator != null && !snapshot.hasAnnotator(annotator)) {
            throw new IllegalArgumentException("no annotator named '" + annotator + "' in this project (known: "
                    + String.join(", ", snapshot.annotatorNames()) + ")");
        }
    }
}
