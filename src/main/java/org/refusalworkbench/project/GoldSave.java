package org.refusalworkbench.project;

import java.util.Optional;

import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.storage.LabelStore;

/**
 * One gold label written in review, with what stood before it, so that the save can be undone exactly: the earlier
 * gold (or none) with its reason and reviewer, and whether this reviewer had reviewed the response already.
 */
public final class GoldSave {

    private final long responseId;
    private final Selections gold;
    private final String reason;
    private final boolean changed;
    private final Optional<LabelStore.Stored> before;
    private final boolean reviewedBefore;

    GoldSave(long responseId, Selections gold, String reason, boolean changed, Optional<LabelStore.Stored> before,
             boolean reviewedBefore) {
        this.responseId = responseId;
        this.gold = gold;
        this.reason = reason;
        this.changed = changed;
        this.before = before;
        this.reviewedBefore = reviewedBefore;
    }

    public long responseId() {
        return responseId;
    }

    /** The gold label this save wrote. */
    public Selections gold() {
        return gold;
    }

    public String reason() {
        return reason;
    }

    /** False when the save confirmed the gold as it was (it was still recorded as reviewed). */
    public boolean changed() {
        return changed;
    }

    /** The gold label before this save; null when the response had none. */
    public Selections goldBefore() {
        return before.map(LabelStore.Stored::selections).orElse(null);
    }

    Optional<LabelStore.Stored> before() {
        return before;
    }

    /** Whether the reviewer had already reviewed this response's gold before this save. */
    public boolean reviewedBefore() {
        return reviewedBefore;
    }
}
