package org.refusalworkbench.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.storage.StorageException;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * Imports response files into a project. All files of one import are one transaction on the writer thread: the
 * first bad line rolls everything back, so a project never holds half an import.
 */
public final class ResponseImporter {

    /** Reports how many bytes of the import's files have been read. */
    @FunctionalInterface
    public interface Progress {
        void update(long bytesDone, long bytesTotal);

        Progress NONE = (done, total) -> { };
    }

    private static final Pattern XSTEST_FILE_NAME = Pattern.compile("xstest_v2_completions_(.+)\\.csv",
            Pattern.CASE_INSENSITIVE);
    private static final long PROGRESS_EVERY_RECORDS = 2_000;

    private final ProjectDatabase database;
    private final ObjectMapper json = JsonMapper.builder().build();

    public ResponseImporter(ProjectDatabase database) {
        this.database = database;
    }

    /**
     * @param format the files' format, or {@code null} to tell it from each file's name and header
     * @param model  the model name for XSTest files, or {@code null} to take it from the file name
     */
    public ImportSummary importFiles(List<Path> files, ImportFormat format, String model, Progress progress)
            throws ImportException {
        long totalBytes = files.stream().mapToLong(ResponseImporter::size).sum();
        try {
            return database.writer().run(connection -> importAll(connection, files, format, model, progress,
                    totalBytes));
        } catch (StorageException e) {
            if (e.getCause() instanceof ImportException importFailure) {
                throw importFailure;
            }
            throw e;
        }
    }

    private ImportSummary importAll(Connection connection, List<Path> files, ImportFormat format, String model,
                                    Progress progress, long totalBytes) throws Exception {
        Taxonomy taxonomy = ProjectSetup.currentTaxonomy(connection);
        try (var statement = connection.createStatement()) {
            // A large page cache (native memory, not heap) keeps the unique-id indexes in memory during bulk work.
            statement.execute("PRAGMA cache_size = -524288");
        }
        RecordPreparer preparer = new RecordPreparer(files, file -> open(file, format, model), taxonomy, json,
                progress, totalBytes);
        Thread reader = new Thread(preparer, "import-reader");
        reader.setDaemon(true);
        reader.start();
        DeferredIndexes indexes = DeferredIndexes.dropIfEmpty(connection);
        try (ImportBatch batch = new ImportBatch(connection)) {
            while (true) {
                RecordPreparer.Item item = preparer.take();
                if (item instanceof RecordPreparer.Batch records) {
                    for (PreparedRecord record : records.records()) {
                        batch.add(record);
                    }
                } else if (item instanceof RecordPreparer.Failure failure) {
                    throw failure.cause();
                } else {
                    indexes.rebuild(connection);
                    return batch.summary(files.size());
                }
            }
        } finally {
            preparer.cancel();
            reader.join();
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA cache_size = " + ProjectDatabase.CACHE_SIZE);
            }
        }
    }

    private RecordSource open(Path file, ImportFormat format, String model) throws ImportException, IOException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ImportException(name, 0, "no such file");
        }
        ImportFormat actual;
        try {
            actual = format != null ? format : ImportFormat.detect(file);
        } catch (IllegalArgumentException e) {
            throw new ImportException(name, 0, e.getMessage());
        }
        InputStream in = Files.newInputStream(file);
        try {
            return switch (actual) {
                case JSONL -> new JsonlRecordSource(in, name, json);
                case CSV -> new CsvRecordSource(in, name, json);
                case XSTEST -> new XstestRecordSource(in, name, model != null ? model : modelFromName(file));
            };
        } catch (ImportException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static String modelFromName(Path file) throws ImportException {
        Matcher matcher = XSTEST_FILE_NAME.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new ImportException(file.toString(), 0, "cannot tell the model from the file name; give --model");
        }
        return matcher.group(1).toLowerCase(Locale.ROOT);
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
