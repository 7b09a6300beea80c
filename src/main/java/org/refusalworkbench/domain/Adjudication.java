package org.refusalworkbench.domain;

import java.time.Instant;

/** A reviewer's gold selections for a response, kept apart from the annotators' own labels. */
public record Adjudication(long responseId, String reviewer, Selections gold, String reason, Instant updatedAt) {
}
