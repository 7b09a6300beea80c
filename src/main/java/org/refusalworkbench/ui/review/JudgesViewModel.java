package org.refusalworkbench.ui.review;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.project.ProjectReports;
import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.ui.common.UiExecutor;

/**
 * The judge report of the open project against the final labels, recomputed off the UI thread when gold labels
 * change. Without bootstrap: the tab shows kappa with its standard error, which a million responses give in
 * seconds; {@code report judges} gives the bootstrap intervals.
 */
public final class JudgesViewModel {

    private final ReviewService service;
    private final RecomputedReport<ProjectReports.JudgeResults> report;

    public JudgesViewModel(ReviewService service, UiExecutor executor) {
        this.service = service;
        this.report = new RecomputedReport<>(executor, "the judge report");
    }

    public void refresh() {
        report.refresh(() -> service.reports().judges("final", null, ReportOptions.defaults().withBootstrap(0)));
    }

    public ReadOnlyObjectProperty<ProjectReports.JudgeResults> reportProperty() {
        return report.reportProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return report.statusProperty();
    }

    public String projectName() {
        return service.projectName();
    }
}
