package org.refusalworkbench.ui.review;

import java.util.concurrent.Callable;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.refusalworkbench.ui.common.BackgroundTask;
import org.refusalworkbench.ui.common.UiExecutor;

/**
 * A report a review tab shows, recomputed on the read thread when asked: the latest result and a status line
 * ("Computing…", or why it cannot be computed). A result or failure that a later refresh overtook is dropped, so a
 * slow first computation never replaces a newer one.
 */
final class RecomputedReport<T> {

    private final UiExecutor executor;
    private final String name;
    private final ReadOnlyObjectWrapper<T> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private long generation;

    /** @param name the report as the failure message names it ("the calibration report") */
    RecomputedReport(UiExecutor executor, String name) {
        this.executor = executor;
        this.name = name;
    }

    void refresh(Callable<T> compute) {
        long mine = ++generation;
        status.set("Computing…");
        BackgroundTask.read(compute)
                .onSuccess(computed -> {
                    if (mine == generation) {
                        report.set(computed);
                        status.set("");
                    }
                })
                .onFailure(failure -> {
                    if (mine == generation) {
                        status.set("⚠ Cannot compute " + name + ": " + failure.getMessage());
                    }
                })
                .runOn(executor);
    }

    ReadOnlyObjectProperty<T> reportProperty() {
        return report.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
