package org.refusalworkbench.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;

import org.refusalworkbench.fileio.WholeFile;
import org.refusalworkbench.storage.Annotators;
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
        try {
            return database.readSeparately(connection -> inSnapshot(connection, () -> {
                requireKnownAnnotator(connection, options.annotator());
                BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
                ExportSummary summary = switch (options.format()) {
                    case JSONL -> new JsonlExport(connection, appVersion).write(options, buffered, progress);
                    case CSV -> new CsvExport(connection).write(options, buffered, progress);
                    case PREFERENCE -> new PreferenceExport(connection).write(options, buffered, progress);
                };
                buffered.flush();
                return summary;
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Work done inside the export's snapshot. */
    private interface SnapshotWork<T> {
        T run() throws Exception;
    }

    private static <T> T inSnapshot(Connection connection, SnapshotWork<T> work) throws Exception {
        connection.setAutoCommit(false);
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static void requireKnownAnnotator(Connection connection, String annotator) throws Exception {
        if (annotator != null && Annotators.find(connection, annotator) == null) {
            throw new IllegalArgumentException("no annotator named '" + annotator + "' in this project (known: "
                    + String.join(", ", Annotators.names(connection)) + ")");
        }
    }
}
