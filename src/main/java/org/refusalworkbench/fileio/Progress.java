package org.refusalworkbench.fileio;

/** How far an export, import or merge has got, for a progress bar; called from the thread doing the work. */
@FunctionalInterface
public interface Progress {

    /** @param total the amount of work (records for an export, bytes for a merge), or 0 when unknown */
    void update(long done, long total);

    Progress NONE = (done, total) -> { };
}
