package org.refusalworkbench.taxonomy;

import org.refusalworkbench.domain.Selections;

/** A {@code group.option} reference as written in taxonomy rules. */
public record OptionRef(String groupId, String optionId) {

    public static OptionRef parse(String dotted) {
        int dot = dotted.indexOf('.');
        if (dot <= 0 || dot == dotted.length() - 1) {
            throw new IllegalArgumentException("'" + dotted + "' is not of the form group.option");
        }
        return new OptionRef(dotted.substring(0, dot), dotted.substring(dot + 1));
    }

    public boolean isSelectedIn(Selections selections) {
        return selections.has(groupId, optionId);
    }

    @Override
    public String toString() {
        return groupId + "." + optionId;
    }
}
