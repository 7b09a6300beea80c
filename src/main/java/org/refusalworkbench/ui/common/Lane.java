package org.refusalworkbench.ui.common;

/**
 * Which thread a piece of background work runs on. The lane is part of every {@link BackgroundTask}, so choosing it
 * is a decision made where the work is written, not a rule in a javadoc that a caller can forget.
 */
public enum Lane {
    /**
     * Quick reads of the open project — a page of the queue, one prompt, a detail — on one thread, in the order they
     * were asked for, since they share the project's one read connection. Nothing long may run here: review and
     * labelling navigation would wait behind it.
     */
    READ,
    /**
     * Work for the processor that reads nothing more from the project: agreement figures and their bootstrap
     * intervals. A thread of its own, so that minutes of resampling never hold up a read.
     */
    COMPUTE,
    /**
     * Long work on files or the whole database — an integrity check, an import, an export, a backup: a thread of
     * its own for each task.
     */
    IO
}
