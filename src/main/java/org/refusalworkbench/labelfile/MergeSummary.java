package org.refusalworkbench.labelfile;

import java.util.List;
import java.util.Locale;

/** What a merge of several label files did, file by file and in total. */
public record MergeSummary(List<FileMergeSummary> files) {

    public MergeSummary {
        files = List.copyOf(files);
    }

    public long records() {
        return files.stream().mapToLong(FileMergeSummary::records).sum();
    }

    public long added() {
        return files.stream().mapToLong(FileMergeSummary::added).sum();
    }

    public long updated() {
        return files.stream().mapToLong(FileMergeSummary::updated).sum();
    }

    public long unchanged() {
        return files.stream().mapToLong(FileMergeSummary::unchanged).sum();
    }

    public long conflicts() {
        return files.stream().mapToLong(FileMergeSummary::conflicts).sum();
    }

    public long unknown() {
        return files.stream().mapToLong(FileMergeSummary::unknown).sum();
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d file(s), %,d record(s): %,d added, %,d updated, %,d unchanged,"
                + " %,d conflict(s), %,d unknown", files.size(), records(), added(), updated(), unchanged(),
                conflicts(), unknown());
    }
}
