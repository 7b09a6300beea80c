package org.refusalworkbench.importing;

import java.util.List;
import java.util.Locale;

import org.refusalworkbench.storage.bulk.BulkCounts;
import org.refusalworkbench.storage.bulk.BulkImport;

/**
 * What one import added; records already in the project are counted, not added again.
 *
 * @param skipped the first {@value #SKIPPED_LISTED} responses not added again, as {@code FILE:LINE: same content id
 *                as ...} naming where that content id came first; {@code responsesAlreadyPresent} counts them all
 * @param warnings what was imported but deserves a look, such as responses without text
 */
public record ImportSummary(int files, long records, long promptsAdded, long responsesAdded,
                            long responsesAlreadyPresent, long labelsAdded, long intentLabelsAdded,
                            long adjudicationsAdded, List<String> skipped, List<String> warnings) {

    /** As many as a person reads; the count says how many more there were. */
    public static final int SKIPPED_LISTED = BulkImport.SKIPPED_LISTED;

    public ImportSummary {
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    static ImportSummary of(int files, BulkCounts counts, List<String> warnings) {
        return new ImportSummary(files, counts.records(), counts.promptsAdded(), counts.responsesAdded(),
                counts.responsesAlreadyPresent(), counts.labelsAdded(), counts.intentLabelsAdded(),
                counts.adjudicationsAdded(), counts.skipped(), warnings);
    }

    public String describe() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%d file(s), %d record(s): %d prompt(s), %d response(s) added (%d already present), %d label(s),"
                        + " %d intent label(s), %d adjudication(s) added",
                files, records, promptsAdded, responsesAdded, responsesAlreadyPresent, labelsAdded, intentLabelsAdded,
                adjudicationsAdded));
        if (!skipped.isEmpty()) {
            text.append("\nresponses not added again (labels on their lines are still added where new):");
            skipped.forEach(line -> text.append("\n  ").append(line));
            if (responsesAlreadyPresent > skipped.size()) {
                text.append(String.format(Locale.ROOT, "\n  and %,d more skipped",
                        responsesAlreadyPresent - skipped.size()));
            }
        }
        warnings.forEach(warning -> text.append("\nwarning: ").append(warning));
        return text.toString();
    }
}
