package org.refusalworkbench.ui.review;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.project.ProjectReports;
import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.ui.common.BackgroundTask;
import org.refusalworkbench.ui.common.UiExecutor;

/**
 * The judge report of the open project against the final labels, recomputed off the UI thread when gold labels
 * change. Without bootstrap: the tab shows kappa with its standard error, which a million responses give in
 * seconds; {@code report judges} gives the bootstrap intervals.
 */
public final class JudgesViewModel {

    private final ReviewService service;
    private final UiExecutor executor;
    private final ReadOnlyObjectWrapper<ProjectReports.JudgeResults> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private long generation;

    public JudgesViewModel(ReviewService service, UiExecutor executor) {
        this.service = service;
        this.executor = executor;
    }

    public void refresh() {
        long mine = ++generation;
        status.set("Computing…");
        BackgroundTask.read(() -> service.reports().judges("final", null, ReportOptions.defaults().withBootstrap(0)))
                .onSuccess(computed -> {
                    if (mine == generation) {
                        report.set(computed);
                        status.set("");
                    }
                })
                .onFailure(failure -> {
                    if (mine == generation) {
                        status.set("⚠ Cannot compute the judge report: " + failure.getMessage());
                    }
                })
                .runOn(executor);
    }

    public ReadOnlyObjectProperty<ProjectReports.JudgeResults> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String projectName() {
        return service.projectName();
    }
}
