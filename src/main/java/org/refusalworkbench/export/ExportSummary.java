package org.refusalworkbench.export;

import java.util.Locale;

/** What an export wrote: judgements by type for label files and CSV, pairs for preference exports. */
public record ExportSummary(ExportFormat format, long labels, long intentLabels, long adjudications, long pairs) {

    public String describe() {
        if (format == ExportFormat.PREFERENCE) {
            return String.format(Locale.ROOT, "%,d preference pair(s) from %,d label(s) and %,d adjudication(s)",
                    pairs, labels, adjudications);
        }
        return String.format(Locale.ROOT, "%,d label(s), %,d intent label(s), %,d adjudication(s)", labels,
                intentLabels, adjudications);
    }
}
