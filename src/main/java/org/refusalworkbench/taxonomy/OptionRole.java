package org.refusalworkbench.taxonomy;

import java.util.Locale;

/**
 * What an option means to the features that interpret labels, declared as {@code "role": "refusal"} on an option.
 * The first five belong to an option of the group with the role named by {@link #group()}; the last three mark
 * options of response-level checkbox groups.
 */
public enum OptionRole {
    /** The model did what was asked (XSTest {@code 1_full_compliance}). */
    COMPLIANCE(GroupRole.RESPONSE_TYPE),
    /** The model declined and gave none of the content (XSTest {@code 2_full_refusal}). */
    REFUSAL(GroupRole.RESPONSE_TYPE),
    /** The model refused in part (XSTest {@code 3_partial_refusal}); counts as a refusal in refusal rates. */
    PARTIAL_REFUSAL(GroupRole.RESPONSE_TYPE),
    /** The prompt is harmless: a safe prompt in preference pairs when the prompt has no imported safety label. */
    BENIGN(GroupRole.USER_INTENT),
    /** The prompt seeks harm: an unsafe prompt in preference pairs when it has no imported safety label. */
    HARMFUL(GroupRole.USER_INTENT),
    /** A refusal for an honest limit (capability, scope), which preference pairs rank neither way on safe prompts. */
    HONEST_LIMIT(null),
    /** The response handed over refused content anyway (leakage, capitulation): never preferred on unsafe prompts. */
    LEAKS_CONTENT(null),
    /** The option the review view asks a reviewer to tick when samples of one model answer a prompt differently. */
    INCONSISTENCY(null);

    private final GroupRole group;

    OptionRole(GroupRole group) {
        this.group = group;
    }

    /** The role of the group this option must belong to; null for a response-level checkbox group. */
    public GroupRole group() {
        return group;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
