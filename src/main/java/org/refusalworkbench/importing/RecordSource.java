package org.refusalworkbench.importing;

import java.io.IOException;

/** Streams records out of one file, so a file of any size is read in constant memory. */
public interface RecordSource extends AutoCloseable {

    /** @return the next record, or {@code null} at the end of the file */
    ResponseRecord next() throws ImportException;

    /** How far into the file reading has got, for progress bars. */
    long bytesRead();

    @Override
    void close() throws IOException;
}
