package org.refusalworkbench.domain;

/**
 * An automatic judge (an LLM with a grading prompt, a classifier, a keyword rule), named with its version: a
 * changed grading prompt or keyword list is another version, whose labels are kept apart.
 */
public record Judge(String name, String version) {

    /** {@code name@version}, as reports and messages name it. */
    public String label() {
        return name + "@" + version;
    }
}
