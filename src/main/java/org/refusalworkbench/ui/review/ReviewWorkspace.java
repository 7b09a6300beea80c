package org.refusalworkbench.ui.review;

import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.ui.common.KeyBinding;
import org.refusalworkbench.ui.common.KeyBindingCategory;
import org.refusalworkbench.ui.common.KeyDispatcher;
import org.refusalworkbench.ui.common.UiExecutor;
import org.refusalworkbench.ui.review.dashboard.AgreementDashboardView;

/**
 * Review mode: the adjudication queue, the agreement dashboard, the calibration report and the judges against the
 * final labels, one tab each. The reports are recomputed when their tab is shown after a gold label was saved.
 */
public final class ReviewWorkspace extends TabPane {

    private final ReviewViewModel review;
    private final CalibrationViewModel calibration;
    private final AgreementDashboardViewModel agreement;
    private final JudgesViewModel judges;
    private final ReviewView reviewView;
    private final Tab reviewTab;
    private final Tab agreementTab;
    private final Tab calibrationTab;
    private final Tab judgesTab;
    private long calibrationRevision = -1;
    private long agreementRevision = -1;
    private long judgesRevision = -1;

    /** {@code measures} computes agreement coefficients; null when this build has no agreement engine. */
    public ReviewWorkspace(ReviewService service, UiExecutor executor, AgreementMeasures measures) {
        review = new ReviewViewModel(service, executor);
        calibration = new CalibrationViewModel(service, executor);
        agreement = new AgreementDashboardViewModel(service, executor, measures);
        reviewView = new ReviewView(review);
        reviewTab = tab("Review  (" + KeyBinding.SHOW_REVIEW.displayText() + ")", reviewView, "review-tab");
        agreementTab = tab("Agreement  (" + KeyBinding.SHOW_AGREEMENT.displayText() + ")",
                new AgreementDashboardView(agreement.reportProperty(),
                        agreement.statusProperty(), agreement.projectName()), "agreement-tab");
        calibrationTab = tab("Calibration  (" + KeyBinding.SHOW_CALIBRATION.displayText() + ")",
                new CalibrationView(calibration), "calibration-tab");
        judges = new JudgesViewModel(service, executor);
        judgesTab = tab("Judges  (" + KeyBinding.SHOW_JUDGES.displayText() + ")",
                new JudgesView(judges, this::reviewDisagreementsOf), "judges-tab");
        getTabs().addAll(reviewTab, agreementTab, calibrationTab, judgesTab);
        getSelectionModel().selectedItemProperty().addListener((o, old, tab) -> refreshShown());
    }

    private static Tab tab(String text, javafx.scene.Node content, String id) {
        Tab tab = new Tab(text, content);
        tab.setClosable(false);
        tab.setId(id);
        return tab;
    }

    public void start() {
        review.start();
        reviewView.requestFocus();
    }

    /**
     * Installs the review keys; {@code general} opens the key sheet and the guide. The tab keys act on every tab; the gold-label
     * keys and option hotkeys only while the review queue is shown.
     */
    public void installKeys(Scene scene, java.util.function.Consumer<KeyBinding> general) {
        KeyDispatcher.install(scene, KeyBindingCategory.review(), () -> getScene() != null, this::run,
                key -> onReviewTab() && reviewView.pressHotkey(key), general);
    }

    private boolean run(KeyBinding binding, boolean typing) {
        switch (binding) {
            case SHOW_REVIEW -> showTab(reviewTab);
            case SHOW_AGREEMENT -> showTab(agreementTab);
            case SHOW_CALIBRATION -> showTab(calibrationTab);
            case SHOW_JUDGES -> showTab(judgesTab);
            default -> {
                return onReviewTab() && reviewView.run(binding, typing);
            }
        }
        return true;
    }

    private boolean onReviewTab() {
        return getSelectionModel().getSelectedItem() == reviewTab;
    }

    private void showTab(Tab tab) {
        getSelectionModel().select(tab);
        if (tab == reviewTab) {
            reviewView.requestFocus();
        }
    }

    private void refreshShown() {
        Tab shown = getSelectionModel().getSelectedItem();
        long revision = review.savedRevisionProperty().get();
        if (shown == calibrationTab && calibrationRevision != revision) {
            calibrationRevision = revision;
            calibration.refresh();
        }
        if (shown == agreementTab && agreementRevision != revision) {
            agreementRevision = revision;
            agreement.refresh();
        }
        if (shown == judgesTab && judgesRevision != revision) {
            judgesRevision = revision;
            judges.refresh();
        }
    }

    /** The review queue filtered to one judge's disagreements with the final labels, worst first. */
    private void reviewDisagreementsOf(String judge) {
        review.judgeFilterProperty().set(judge);
        review.select(0);
        showTab(reviewTab);
    }

    public ReviewViewModel review() {
        return review;
    }

    public AgreementDashboardViewModel agreement() {
        return agreement;
    }

    public CalibrationViewModel calibration() {
        return calibration;
    }

    public JudgesViewModel judges() {
        return judges;
    }

    /** Shows the tab with this index (0 review, then the reports), for menus and scripted screenshots. */
    public void showTab(int index) {
        showTab(getTabs().get(index));
    }
}
