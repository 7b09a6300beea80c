package org.refusalworkbench.domain;

/**
 * Where a change to a label came from, as kept in each change-log row. It is more than bookkeeping: agreement
 * figures read it to decide who answered a checkbox group. Anyone with a change that was not imported labelled in
 * the app (or merged label files made in the app) and saw every group, so an empty group is their answer; someone
 * whose changes were all imported answered only the groups their files gave them (see {@link RaterCoverage}).
 */
public enum ChangeSource {
    /** Edited by a person in the labelling or review view. */
    APP("app"),
    /** Read from a response file during import. */
    IMPORT("import"),
    /** Taken from a label file made on another workstation. */
    MERGE("merge");

    private final String stored;

    ChangeSource(String stored) {
        this.stored = stored;
    }

    /** The value kept in {@code change_log.source}; existing projects hold these, so they never change. */
    public String stored() {
        return stored;
    }
}
