package org.refusalworkbench.taxonomy;

/** A broken rule, reported against the option that triggered it so the UI can flag that option. */
public record RuleViolation(String ruleId, OptionRef option, String message) {
}
