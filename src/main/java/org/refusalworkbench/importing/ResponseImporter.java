package org.refusalworkbench.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /** As {@link #importFiles(List, ImportOptions, Progress)} with no unknown fields kept. */
    public ImportSummary importFiles(List<Path> files, ImportFormat format, String model, Progress progress)
            throws ImportException {
        return importFiles(files, new ImportOptions(format, model, false), progress);
    }

    /** Imports the files, each read as {@code options} say, all or nothing. */
    public ImportSummary importFiles(List<Path> files, ImportOptions options, Progress progress)
            throws ImportException {
        long totalBytes = files.stream().mapToLong(ResponseImporter::size).sum();
        ImportWarnings warnings = new ImportWarnings();
        try {
            BulkCounts counts = new BulkImport(database, insertedIdsLimit, bulk).write(
                    taxonomy -> feed(files, options, progress, totalBytes, taxonomy, warnings));
            return ImportSummary.of(files.size(), counts, warnings.describe());
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
    private RecordFeed feed(List<Path> files, ImportOptions options, Progress progress, long totalBytes,
                            Taxonomy taxonomy, ImportWarnings warnings) {
        RecordPreparer preparer = new RecordPreparer(files, file -> open(file, options, taxonomy), taxonomy, json,
                progress, totalBytes, warnings);
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

    /** The file's container from its name, then its format from {@code --format} or its header or first row. */
    private RecordSource open(Path file, ImportOptions options, Taxonomy taxonomy) throws ImportException, IOException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw ImportException.stoppingFile(name, 0, Files.isDirectory(file) ? "is a folder, not a file"
                    : "no such file");
        }
        Container container = Container.of(file);
        PeekedRows rows = new PeekedRows(container.open(file, json));
        try {
            ImportFormat format = options.chosenFormat() != null ? options.chosenFormat()
                    : ImportFormat.recognise(rows.fieldNames());
            ImportContext context = new ImportContext(name, container, taxonomy, options.model(),
                    options.keepUnknown(), json, options.mapping());
            return new ShapedRecordSource(rows, format.mapper(context), name);
        } catch (ImportException | RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
