package org.refusalworkbench.storage.bulk;

import java.sql.Connection;
import java.util.List;

import org.refusalworkbench.storage.DatabaseWriter;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.storage.SqliteDialect;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * Writes an import's records into a project as one transaction on the writer thread: the first failure, in the
 * store or in the feed, rolls everything back, so a project never holds half an import. Into empty prompt and
 * response tables the indexes are built once at the end ({@link DeferredIndexes}).
 */
public final class BulkImport {

    /** Opens the feed once the transaction has read the project's taxonomy, which the records are checked against. */
    @FunctionalInterface
    public interface FeedOpener {
        RecordFeed open(Taxonomy taxonomy);
    }

    /** How many content ids an import into an empty table remembers before it builds the indexes. */
    public static final int DEFAULT_INSERTED_IDS_LIMIT = InsertedIds.DEFAULT_CAPACITY_LIMIT;
    /** How many skipped responses are listed by line; as many as a person reads, the rest are counted. */
    public static final int SKIPPED_LISTED = 20;

    /** Negative cache sizes are in KiB: 512 MB and 64 MB. */
    private static final int IMPORT_CACHE = -524288;
    private static final int IMPORT_CACHE_INTO_EMPTY = -65536;

    private final ProjectDatabase database;
    private final int insertedIdsLimit;
    private final boolean rollbackJournal;

    /**
     * @param insertedIdsLimit how many content ids an import into an empty table remembers before indexing
     * @param rollbackJournal  whether to write with a rollback journal ({@link DatabaseWriter#runBulk}), for the
     *                         command line where nobody waits to read meanwhile
     */
    public BulkImport(ProjectDatabase database, int insertedIdsLimit, boolean rollbackJournal) {
        this.database = database;
        this.insertedIdsLimit = insertedIdsLimit;
        this.rollbackJournal = rollbackJournal;
    }

    /**
     * Writes every record the feed gives, then commits.
     *
     * @throws org.refusalworkbench.storage.StorageException on failure; its cause is the feed's exception or a
     *                                                        {@link PromptTextConflict} when either stopped it
     */
    public BulkCounts write(FeedOpener opener) {
        DatabaseWriter.Work<BulkCounts> work = connection -> writeAll(connection, opener);
        return rollbackJournal ? database.writer().runBulk(work) : database.writer().run(work);
    }

    private BulkCounts writeAll(Connection connection, FeedOpener opener) throws Exception {
        Taxonomy taxonomy = ProjectSetup.currentTaxonomy(connection);
        DeferredIndexes indexes = DeferredIndexes.dropWhereEmpty(connection);
        try (var statement = connection.createStatement()) {
            // Into a project with responses, a large page cache (native memory, not heap) keeps the content-id index
            // in memory. Into an empty one there is no such index until the end, and a cache that large only costs
            // page faults: a moderate one measured faster.
            statement.execute(SqliteDialect.cacheSize(
                    indexes.deferred("response") ? IMPORT_CACHE_INTO_EMPTY : IMPORT_CACHE));
        }
        RecordFeed feed = opener.open(taxonomy);
        try (ImportBatch batch = new ImportBatch(connection, indexes, insertedIdsLimit)) {
            List<? extends BulkRecord> records;
            while ((records = feed.next()) != null) {
                for (BulkRecord record : records) {
                    batch.add(record);
                }
            }
            batch.flush();
            indexes.rebuild(connection);
            return batch.counts();
        } finally {
            feed.close();
            try (var statement = connection.createStatement()) {
                statement.execute(SqliteDialect.cacheSize(ProjectDatabase.CACHE_SIZE));
            }
        }
    }
}
