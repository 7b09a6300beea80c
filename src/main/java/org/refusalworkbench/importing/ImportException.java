package org.refusalworkbench.importing;

import java.util.List;

import org.refusalworkbench.fileio.InputFileException;

/**
 * A problem in a response file, reported as {@code FILE:LINE: reason}. An import reads on past a bad row to list
 * every problem of a file in one pass; a problem that leaves nothing sensible to read after it (a wrong header, a
 * broken quote) {@linkplain #stopsFile() stops the file}.
 */
public final class ImportException extends InputFileException {
    private static final long serialVersionUID = 1L;

    private final boolean stopsFile;
    private final boolean lacksModel;
    private final List<ImportException> more;

    public ImportException(String file, long line, String reason) {
        this(file, line, reason, false, false);
    }

    private ImportException(String file, long line, String reason, boolean stopsFile, boolean lacksModel) {
        super(file, line, reason);
        this.stopsFile = stopsFile;
        this.lacksModel = lacksModel;
        this.more = List.of();
    }

    private ImportException(ImportException first, List<ImportException> more, String summary) {
        super(first.file(), first.line(), first.reason() + summary);
        this.stopsFile = true;
        this.lacksModel = first.lacksModel && more.stream().allMatch(ImportException::lacksModel);
        this.more = List.copyOf(more);
    }

    /** A problem after which the rest of the file cannot be read as rows. */
    public static ImportException stoppingFile(String file, long line, String reason) {
        return new ImportException(file, line, reason, true, false);
    }

    /**
     * Rows (or a whole file) that name no model where one is needed: the one problem a model name given for the
     * import ({@code --model}, or the app's question) solves.
     */
    public static ImportException lackingModel(String file, long line, String reason, boolean stopsFile) {
        return new ImportException(file, line, reason, stopsFile, true);
    }

    /**
     * All problems of an import as one failure: the first in the message's first line, each other on a line of its
     * own, so the CLI's and the dialog's one message still lists them all.
     *
     * @param uncounted whether reading stopped at the limit, so that more problems may follow
     */
    public static ImportException all(List<ImportException> problems, boolean uncounted) {
        if (problems.size() == 1 && !uncounted) {
            return problems.get(0);
        }
        StringBuilder summary = new StringBuilder();
        for (ImportException problem : problems.subList(1, problems.size())) {
            summary.append('\n').append(problem.getMessage());
        }
        summary.append(uncounted ? "\n(stopped after " + problems.size() + " problems; there may be more)"
                : "\n(" + problems.size() + " problems in all)");
        return new ImportException(problems.get(0), problems.subList(1, problems.size()), summary.toString());
    }

    public boolean stopsFile() {
        return stopsFile;
    }

    /** Whether this problem, and every other it stands for, is only that no model is named. */
    public boolean lacksModel() {
        return lacksModel;
    }

    /** The problems after the first, when this one stands for several. */
    public List<ImportException> more() {
        return more;
    }
}
