package org.refusalworkbench.ui.review;

import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.report.ProjectAgreement;
import org.refusalworkbench.ui.common.BackgroundTask;
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

    /**
     * Figures first, intervals after: the bootstrap is nearly all of the work (minutes on millions of labels), so
     * the dashboard shows the coefficients as soon as they are computed and fills in their intervals when the
     * resamples are done. The labels are read once, on the read lane; both passes run on the compute lane, so
     * review's navigation never waits behind the resampling.
     */
    public void refresh() {
        if (measures == null) {
            status.set("Agreement figures need the agreement engine, which this build does not include.");
            return;
        }
        long mine = ++generation;
        status.set("Computing agreement…");
        AgreementMeasures quick = measures.withoutIntervals();
        BackgroundTask.read(() -> service.reports().judgements())
                .onSuccess(judgements -> computePass(mine, judgements, quick, () -> {
                    if (quick == measures) {
                        status.set("");
                        return;
                    }
                    status.set("Computing bootstrap intervals…");
                    computePass(mine, judgements, measures, () -> status.set(""));
                }))
                .onFailure(this::failed)
                .runOn(executor);
    }

    /** Computes one pass on the compute lane and shows it, then {@code then}, unless a newer refresh began. */
    private void computePass(long mine, List<ResponseJudgements> judgements, AgreementMeasures with, Runnable then) {
        if (mine != generation) {
            return;
        }
        BackgroundTask.compute(() -> compute(judgements, with))
                .onSuccess(computed -> {
                    if (mine == generation) {
                        report.set(computed);
                        then.run();
                    }
                })
                .onFailure(this::failed)
                .runOn(executor);
    }

    private ProjectAgreement compute(List<ResponseJudgements> judgements, AgreementMeasures with) {
        return service.reports().agreement(judgements, with, ProjectAgreement.Selection.all());
    }

    private void failed(Throwable failure) {
        status.set("⚠ Cannot compute agreement: " + failure.getMessage());
    }

    public ReadOnlyObjectProperty<ProjectAgreement> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Read when review opened, so showing it never touches the database on the UI thread. */
    public String projectName() {
        return service.projectName();
    }
}
