package org.refusalworkbench.domain;

import java.time.Instant;

/** One annotator's prompt-level judgement: the inferred user intent and the intent note. */
public record PromptLabel(long promptId, String annotator, Selections selections, String intentNote,
                          Instant updatedAt) {
}
