package org.refusalworkbench.ui.review;

/** An option written as {@code group.option}, for the review queue's option filter. */
public record OptionChoice(String group, String option, String label) {

    @Override
    public String toString() {
        return label;
    }
}
