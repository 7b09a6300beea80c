package org.refusalworkbench.ui.review;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.report.CalibrationReport;
import org.refusalworkbench.ui.common.BackgroundTask;
import org.refusalworkbench.ui.common.UiExecutor;

/** The calibration report of the open project, recomputed off the UI thread whenever gold labels change. */
public final class CalibrationViewModel {

    private final ReviewService service;
    private final UiExecutor executor;
    private final ReadOnlyObjectWrapper<CalibrationReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private long generation;

    public CalibrationViewModel(ReviewService service, UiExecutor executor) {
        this.service = service;
        this.executor = executor;
    }

    public void refresh() {
        long mine = ++generation;
        status.set("Computing…");
        BackgroundTask.read(() -> service.reports().calibration())
                .onSuccess(computed -> {
                    if (mine == generation) {
                        report.set(computed);
                        status.set("");
                    }
                })
                .onFailure(failure -> status.set("⚠ Cannot compute the calibration report: " + failure.getMessage()))
                .runOn(executor);
    }

    public ReadOnlyObjectProperty<CalibrationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String projectName() {
        return service.projectName();
    }

    public org.refusalworkbench.taxonomy.Taxonomy taxonomy() {
        return service.taxonomy();
    }
}
