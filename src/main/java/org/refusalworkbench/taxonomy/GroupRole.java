package org.refusalworkbench.taxonomy;

import java.util.Locale;

/**
 * What a group means to the features that interpret labels rather than just store them (calibration, preference
 * pairs, the XSTest importer, the review view). Declared in the taxonomy file as {@code "role": "response_type"} on a
 * group, so those features never depend on a group's id.
 */
public enum GroupRole {
    /** What the model did: a single-choice, response-level group whose options carry compliance and refusal roles. */
    RESPONSE_TYPE(GroupLevel.RESPONSE),
    /** What the user wants: a single-choice, prompt-level group whose options may carry benign and harmful roles. */
    USER_INTENT(GroupLevel.PROMPT);

    private final GroupLevel level;

    GroupRole(GroupLevel level) {
        this.level = level;
    }

    /** The level a group with this role must have; such a group is always single choice. */
    public GroupLevel level() {
        return level;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
