package org.refusalworkbench.storage.bulk;

import java.util.List;

/**
 * What one import wrote; records already in the project are counted, not written again.
 *
 * @param skipped the first {@value BulkImport#SKIPPED_LISTED} responses not added again, as {@code FILE:LINE: same
 *                content id as ...}; {@code responsesAlreadyPresent} counts them all
 */
public record BulkCounts(long records, long promptsAdded, long responsesAdded, long responsesAlreadyPresent,
                         long labelsAdded, long intentLabelsAdded, long adjudicationsAdded, List<String> skipped) {

    public BulkCounts {
        skipped = List.copyOf(skipped);
    }
}
