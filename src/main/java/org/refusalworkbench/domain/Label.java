package org.refusalworkbench.domain;

import java.time.Instant;

/** One annotator's judgement of one response. */
public record Label(long responseId, String annotator, Selections selections, String note, Instant createdAt,
                   Instant updatedAt) {
}
