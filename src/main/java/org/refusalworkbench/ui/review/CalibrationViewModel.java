package org.refusalworkbench.ui.review;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.report.CalibrationReport;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.ui.common.UiExecutor;

/** The calibration report of the open project, recomputed off the UI thread whenever gold labels change. */
public final class CalibrationViewModel {

    private final ReviewService service;
    private final RecomputedReport<CalibrationReport> report;

    public CalibrationViewModel(ReviewService service, UiExecutor executor) {
        this.service = service;
        this.report = new RecomputedReport<>(executor, "the calibration report");
    }

    public void refresh() {
        report.refresh(() -> service.reports().calibration());
    }

    public ReadOnlyObjectProperty<CalibrationReport> reportProperty() {
        return report.reportProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return report.statusProperty();
    }

    public String projectName() {
        return service.projectName();
    }

    public Taxonomy taxonomy() {
        return service.taxonomy();
    }
}
