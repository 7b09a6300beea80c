package org.refusalworkbench.domain;

/** One row of a labeller's prompt queue: the prompt, a preview of its text, and whether it is marked done. */
public record QueueEntry(long promptId, String externalId, String preview, String category, SafetyLabel safety,
                         boolean done) {
}
