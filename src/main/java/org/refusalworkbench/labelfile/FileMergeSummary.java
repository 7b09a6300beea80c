package org.refusalworkbench.labelfile;

import java.util.List;
import java.util.Locale;

/**
 * What merging one label file did. Every record is exactly one of added, unchanged, conflicting or unknown;
 * {@code updated} counts the conflicts the file won because its edit was later.
 *
 * @param unknownExamples the first few unknown records as {@code FILE:LINE: reason}, for the report
 */
public record FileMergeSummary(String file, long records, long added, long unchanged, long conflicts, long updated,
                               long unknown, List<String> unknownExamples) {

    public FileMergeSummary {
        unknownExamples = List.copyOf(unknownExamples);
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s: %,d record(s): %,d added, %,d updated, %,d unchanged; %,d"
                        + " conflict(s) (%,d resolved to the file's later edit, %,d kept as in the project);"
                        + " %,d for responses or prompts not in this project",
                file, records, added, updated, unchanged, conflicts, updated, conflicts - updated, unknown);
    }
}
