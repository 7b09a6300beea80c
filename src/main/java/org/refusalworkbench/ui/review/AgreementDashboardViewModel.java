package org.refusalworkbench.ui.review;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.report.ProjectAgreement;
import org.refusalworkbench.ui.common.UiExecutor;

/** The agreement dashboard of the open project, recomputed off the UI thread whenever gold labels change. */
public final class AgreementDashboardViewModel {

    private final ReviewService service;
    private final UiExecutor executor;
    private final AgreementMeasures measures;
    private final ReadOnlyObjectWrapper<ProjectAgreement> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private long generation;

    /** {@code measures} null means this build has no agreement engine: the dashboard says so. */
    public AgreementDashboardViewModel(ReviewService service, UiExecutor executor, AgreementMeasures measures) {
        this.service = service;
        this.executor = executor;
        this.measures = measures;
    }

    public void refresh() {
        if (measures == null) {
            status.set("Agreement figures need the agreement engine, which this build does not include.");
            return;
        }
        long mine = ++generation;
        status.set("Computing agreement (bootstrap intervals)…");
        executor.background(() -> ProjectAgreement.compute(service.judgements(), service.taxonomy(), measures,
                ProjectAgreement.Selection.all()), computed -> {
                    if (mine == generation) {
                        report.set(computed);
                        status.set("");
                    }
                }, failure -> status.set("⚠ Cannot compute agreement: " + failure.getMessage()));
    }

    public ReadOnlyObjectProperty<ProjectAgreement> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String projectName() {
        return service.projectName();
    }
}
