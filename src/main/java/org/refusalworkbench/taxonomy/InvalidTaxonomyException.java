package org.refusalworkbench.taxonomy;

import java.util.List;

/** A taxonomy file that cannot be used; each problem names the JSON path where it was found. */
public final class InvalidTaxonomyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidTaxonomyException(String source, List<String> problems) {
        super(source + ": invalid taxonomy:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
