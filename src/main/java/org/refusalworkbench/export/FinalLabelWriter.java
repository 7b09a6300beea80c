package org.refusalworkbench.export;

import java.io.IOException;

/** Writes final labels one response at a time, in the order they come. */
public interface FinalLabelWriter {

    void write(FinalLabelRow row) throws IOException;

    /** Flushes what is buffered; the caller closes the target. */
    void finish() throws IOException;
}
