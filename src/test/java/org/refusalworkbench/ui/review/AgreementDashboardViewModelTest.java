package org.refusalworkbench.ui.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.demo.DemoProject;
import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.report.EngineAgreementMeasures;
import org.refusalworkbench.report.HeadlineMetric;
import org.refusalworkbench.report.ProjectAgreement;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.ui.common.Lane;
import org.refusalworkbench.ui.common.SameThreadExecutor;

/** The dashboard's computation without the JavaFX toolkit, against a real demo project. */
class AgreementDashboardViewModelTest {

    @TempDir
    Path folder;
    private ProjectDatabase database;

    @BeforeEach
    void openDemo() {
        database = ProjectFiles.open(new DemoProject(folder, "test").ensure());
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theFiguresComeFirstAndTheSameFiguresWithTheirIntervalsAfter() {
        List<ProjectAgreement> shown = new ArrayList<>();
        AgreementDashboardViewModel dashboard = dashboard(100, shown);

        dashboard.refresh();

        assertThat(shown).hasSize(2);
        AgreementMeasures.Coefficient quick = alpha(shown.get(0));
        AgreementMeasures.Coefficient full = alpha(shown.get(1));
        assertThat(quick.value()).isEqualTo(full.value());
        assertThat(quick.low()).isNull();
        assertThat(full.low()).isNotNull().isLessThanOrEqualTo(full.value());
        assertThat(dashboard.statusProperty().get()).isEmpty();
    }

    @Test
    void withoutResamplesThereIsOnePass() {
        List<ProjectAgreement> shown = new ArrayList<>();

        dashboard(0, shown).refresh();

        assertThat(shown).hasSize(1);
    }

    @Test
    void theBootstrapPassRunsOnTheComputeLaneNotOnTheSharedReadThread() {
        SameThreadExecutor executor = new SameThreadExecutor();
        AgreementDashboardViewModel dashboard = new AgreementDashboardViewModel(ReviewService.open(database, "lead"),
                executor, new EngineAgreementMeasures(ReportOptions.defaults().withBootstrap(20)));

        dashboard.refresh();

        // One read of the labels; the figures and then their intervals are computed without holding the read lane.
        assertThat(executor.lanesRun()).containsExactly(Lane.READ, Lane.COMPUTE, Lane.COMPUTE);
        assertThat(dashboard.reportProperty().get()).isNotNull();
    }

    @Test
    void theProjectNameIsReadWhenReviewOpensNotWhenTheDashboardShowsIt() {
        ReviewService service = ReviewService.open(database, "lead");
        AgreementDashboardViewModel dashboard = new AgreementDashboardViewModel(service, new SameThreadExecutor(),
                null);
        String name = database.read(org.refusalworkbench.storage.ProjectSetup::projectName);

        database.close();

        // With the database closed a read throws: the name shown on the UI thread comes from the opening read.
        assertThatThrownBy(() -> service.judgements()).isInstanceOf(RuntimeException.class);
        assertThat(dashboard.projectName()).isEqualTo(name).isNotBlank();
        database = null;
    }

    /** A dashboard on the demo with {@code resamples} bootstrap resamples that adds each report it shows to {@code shown}. */
    private AgreementDashboardViewModel dashboard(int resamples, List<ProjectAgreement> shown) {
        AgreementDashboardViewModel dashboard = new AgreementDashboardViewModel(ReviewService.open(database, "lead"),
                new SameThreadExecutor(), new EngineAgreementMeasures(ReportOptions.defaults().withBootstrap(resamples)));
        dashboard.reportProperty().addListener((o, old, report) -> shown.add(report));
        return dashboard;
    }

    private static AgreementMeasures.Coefficient alpha(ProjectAgreement report) {
        return report.rows().get(0).measured().coefficient(HeadlineMetric.ALPHA);
    }
}
