package org.refusalworkbench.storage.bulk;

import java.util.List;

/** The records of an import, in batches, as the reader thread prepares them. */
public interface RecordFeed {

    /**
     * The next batch, waiting for it if need be.
     *
     * @return the records, or {@code null} once every file has been read
     * @throws Exception the failure that stopped reading (an invalid line, an unreadable file)
     */
    List<? extends BulkRecord> next() throws Exception;

    /** Stops reading and waits for the reader to end; called however the import ends. */
    void close() throws InterruptedException;
}
