package org.refusalworkbench.domain;

/**
 * What a labeller's prompt queue shows; {@code null} and blank fields do not filter. A record of the domain, so the
 * queue's view and view model need nothing from the store that answers it.
 */
public record QueueFilter(Status status, String model, String category, SafetyLabel safety, boolean flaggedOnly,
                          String text) {

    /** Which prompts to show by their done mark. */
    public enum Status { ALL, NOT_DONE, DONE }

    public static QueueFilter everything() {
        return new QueueFilter(Status.ALL, null, null, null, false, null);
    }
}
