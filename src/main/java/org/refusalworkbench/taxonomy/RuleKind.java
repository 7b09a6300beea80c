package org.refusalworkbench.taxonomy;

/** How a rule constrains the selections of one response. */
public enum RuleKind {
    /** When the trigger is selected, at least one of the targets must be selected too. */
    REQUIRES_ANY,
    /** When the trigger is selected, none of the targets may be. */
    EXCLUDES,
    /** The trigger only makes sense on a transcript with more than one assistant turn. */
    REQUIRES_MULTI_TURN
}
