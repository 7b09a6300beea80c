package org.refusalworkbench.importing;

/** What one import added; records already in the project are counted, not added again. */
public record ImportSummary(int files, long records, long promptsAdded, long responsesAdded,
                            long responsesAlreadyPresent, long labelsAdded, long intentLabelsAdded,
                            long adjudicationsAdded) {

    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "%d file(s), %d record(s): %d prompt(s), %d response(s) added (%d already present), %d label(s),"
                        + " %d intent label(s), %d adjudication(s) added",
                files, records, promptsAdded, responsesAdded, responsesAlreadyPresent, labelsAdded, intentLabelsAdded,
                adjudicationsAdded);
    }
}
