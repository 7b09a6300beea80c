package org.refusalworkbench.domain;

/**
 * One row of a labeller's prompt queue: the prompt, a preview of its text, whether it is marked done, and how far
 * this labeller got: how many of its responses they labelled, and whether their labels there break a rule.
 */
public record QueueEntry(long promptId, String externalId, String preview, String category, SafetyLabel safety,
                         boolean done, int responses, int labelled, boolean flagged) {

    /** The row's state as a labeller reads it at a glance. */
    public enum State { UNTOUCHED, PARTLY_LABELLED, LABELLED, DONE }

    public QueueEntry(long promptId, String externalId, String preview, String category, SafetyLabel safety,
                      boolean done) {
        this(promptId, externalId, preview, category, safety, done, 0, 0, false);
    }

    public State state() {
        if (done) {
            return State.DONE;
        }
        if (labelled == 0) {
            return State.UNTOUCHED;
        }
        return labelled < responses ? State.PARTLY_LABELLED : State.LABELLED;
    }
}
