package org.refusalworkbench.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The problems an import found, with a mistake repeated on many lines of a file (a column every row has) said once,
 * with the lines it recurs on, so that the list stays short enough to read and every distinct problem is in it.
 */
final class ImportProblems {

    /** Lines named after a repeated problem's first; the count says how many more. */
    private static final int LINES_NAMED = 5;

    private final int limit;
    private final Map<String, Repeated> byReason = new LinkedHashMap<>();

    private static final class Repeated {
        final ImportException first;
        final List<Long> lines = new ArrayList<>();
        long count;

        Repeated(ImportException first) {
            this.first = first;
        }
    }

    ImportProblems(int limit) {
        this.limit = limit;
    }

    void add(ImportException problem) {
        Repeated repeated = byReason.computeIfAbsent(problem.file() + "\u0000" + problem.reason(),
                key -> new Repeated(problem));
        if (repeated.first != problem) {
            repeated.count++;
            if (repeated.lines.size() < LINES_NAMED) {
                repeated.lines.add(problem.line());
            }
        }
    }

    boolean isEmpty() {
        return byReason.isEmpty();
    }

    /** Whether as many distinct problems are known as a person is shown; reading stops there. */
    boolean full() {
        return byReason.size() >= limit;
    }

    ImportException failure() {
        List<ImportException> problems = new ArrayList<>();
        for (Repeated repeated : byReason.values()) {
            ImportException first = repeated.first;
            if (repeated.count == 0) {
                problems.add(first);
                continue;
            }
            String lines = repeated.lines.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + (repeated.count > repeated.lines.size() ? ", …" : "");
            String reason = first.reason() + " (also on " + repeated.count + " more line"
                    + (repeated.count == 1 ? "" : "s") + ": " + lines + ")";
            problems.add(first.lacksModel() ? ImportException.lackingModel(first.file(), first.line(), reason, false)
                    : new ImportException(first.file(), first.line(), reason));
        }
        return ImportException.all(problems, full());
    }
}
