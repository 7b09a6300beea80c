package org.refusalworkbench.importing;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns one row of a file of some format into the records it holds: a preference row holds two responses. */
public interface RowMapper {

    /** Checks a container's declared columns once, before the first row, so a wrong column is said once. */
    default void checkColumns(List<String> columns, String file) throws ImportException {
    }

    /**
     * @param position the row's line or row number, for messages
     * @return the row's records, in file order; none only where the format says why that is no loss
     */
    List<ResponseRecord> map(ObjectNode row, long position) throws ImportException;
}
