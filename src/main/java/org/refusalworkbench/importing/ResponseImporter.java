package org.refusalworkbench.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.storage.DatabaseWriter;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.StorageException;
import org.refusalworkbench.storage.bulk.BulkCounts;
import org.refusalworkbench.storage.bulk.BulkImport;
import org.refusalworkbench.storage.bulk.PromptTextConflict;
import org.refusalworkbench.storage.bulk.RecordFeed;
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

    private final int insertedIdsLimit;
    private final boolean bulk;

    /** For the app: the import is an ordinary write transaction, and the labelling view reads on meanwhile. */
    public ResponseImporter(ProjectDatabase database) {
        this(database, BulkImport.DEFAULT_INSERTED_IDS_LIMIT, false);
    }

    /**
     * @param insertedIdsLimit how many content ids an import into an empty table remembers before indexing
     * @param bulk             whether to write with a rollback journal ({@link DatabaseWriter#runBulk})
     */
    ResponseImporter(ProjectDatabase database, int insertedIdsLimit, boolean bulk) {
        this.database = database;
        this.insertedIdsLimit = insertedIdsLimit;
        this.bulk = bulk;
    }

    /** For the command line, where nobody waits to read during the import: see {@link DatabaseWriter#runBulk}. */
    public static ResponseImporter forCommandLine(ProjectDatabase database) {
        return new ResponseImporter(database, BulkImport.DEFAULT_INSERTED_IDS_LIMIT, true);
    }

    /**
     * @param format the files' format, or {@code null} to tell it from each file's name and header
     * @param model  the model name for XSTest files, or {@code null} to take it from the file name
     */
    public ImportSummary importFiles(List<Path> files, ImportFormat format, String model, Progress progress)
            throws ImportException {
        long totalBytes = files.stream().mapToLong(ResponseImporter::size).sum();
        try {
            BulkCounts counts = new BulkImport(database, insertedIdsLimit, bulk).write(
                    taxonomy -> feed(files, format, model, progress, totalBytes, taxonomy));
            return ImportSummary.of(files.size(), counts);
        } catch (StorageException e) {
            if (e.getCause() instanceof ImportException importFailure) {
                throw importFailure;
            }
            if (e.getCause() instanceof PromptTextConflict conflict) {
                throw new ImportException(conflict.file(), conflict.line(), conflict.getMessage());
            }
            throw e;
        }
    }

    /** Starts reading the files on their own thread; the writer takes the records as they are ready. */
    private RecordFeed feed(List<Path> files, ImportFormat format, String model, Progress progress, long totalBytes,
                            Taxonomy taxonomy) {
        RecordPreparer preparer = new RecordPreparer(files, file -> open(file, format, model, taxonomy), taxonomy, json,
                progress, totalBytes);
        Thread reader = new Thread(preparer, "import-reader");
        reader.setDaemon(true);
        reader.start();
        return new RecordFeed() {
            @Override
            public List<PreparedRecord> next() throws Exception {
                RecordPreparer.Item item = preparer.take();
                if (item instanceof RecordPreparer.Batch records) {
                    return records.records();
                } else if (item instanceof RecordPreparer.Failure failure) {
                    throw failure.cause();
                }
                return null;
            }

            @Override
            public void close() throws InterruptedException {
                preparer.cancel();
                reader.join();
            }
        };
    }

    private RecordSource open(Path file, ImportFormat format, String model, Taxonomy taxonomy)
            throws ImportException, IOException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ImportException(name, 0, Files.isDirectory(file) ? "is a folder, not a file" : "no such file");
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
                case XSTEST -> new XstestRecordSource(in, name, model != null ? model : modelFromName(file),
                        taxonomy.roles());
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
