package org.refusalworkbench.domain;

import java.time.Instant;

/**
 * One logged change to a label or gold label: when, by whom, and what; {@code action} is "select", "deselect" or
 * "set_reason", {@code source} the {@link ChangeSource} it was stored under.
 */
public record ChangeEntry(Instant at, String person, String action, String group, String option, String oldValue,
                          String newValue, String source) {
}
