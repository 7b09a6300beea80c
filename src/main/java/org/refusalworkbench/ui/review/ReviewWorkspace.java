package org.refusalworkbench.ui.review;

import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyEvent;

import org.refusalworkbench.project.ReviewService;
import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.ui.common.UiExecutor;

/**
 * Review mode: the adjudication queue, the agreement dashboard and the calibration report, one tab each. The
 * reports are recomputed when their tab is shown after a gold label was saved.
 */
public final class ReviewWorkspace extends TabPane {

    private final ReviewViewModel review;
    private final CalibrationViewModel calibration;
    private final AgreementDashboardViewModel agreement;
    private final ReviewView reviewView;
    private final Tab reviewTab;
    private final Tab agreementTab;
    private final Tab calibrationTab;
    private long calibrationRevision = -1;
    private long agreementRevision = -1;

    /** {@code measures} computes agreement coefficients; null when this build has no agreement engine. */
    public ReviewWorkspace(ReviewService service, UiExecutor executor, AgreementMeasures measures) {
        review = new ReviewViewModel(service, executor);
        calibration = new CalibrationViewModel(service, executor);
        agreement = new AgreementDashboardViewModel(service, executor, measures);
        reviewView = new ReviewView(review);
        reviewTab = tab("Review  (" + ReviewKey.SHOW_REVIEW.displayText() + ")", reviewView, "review-tab");
        agreementTab = tab("Agreement  (" + ReviewKey.SHOW_AGREEMENT.displayText() + ")",
                new AgreementDashboardView(agreement), "agreement-tab");
        calibrationTab = tab("Calibration  (" + ReviewKey.SHOW_CALIBRATION.displayText() + ")",
                new CalibrationView(calibration), "calibration-tab");
        getTabs().addAll(reviewTab, agreementTab, calibrationTab);
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

    /** Installs the review keys; {@code help} opens the key sheet. */
    public void installKeys(Scene scene, Runnable help) {
        reviewView.installKeys(scene, key -> {
            switch (key) {
                case SHOW_REVIEW -> showTab(reviewTab);
                case SHOW_AGREEMENT -> showTab(agreementTab);
                case SHOW_CALIBRATION -> showTab(calibrationTab);
                case SHOW_HELP -> help.run();
                default -> {
                }
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (getScene() == null || getSelectionModel().getSelectedItem() == reviewTab) {
                return;
            }
            for (ReviewKey key : new ReviewKey[] {ReviewKey.SHOW_REVIEW, ReviewKey.SHOW_AGREEMENT,
                    ReviewKey.SHOW_CALIBRATION, ReviewKey.SHOW_HELP}) {
                if (key.matches(event)) {
                    event.consume();
                    switch (key) {
                        case SHOW_REVIEW -> showTab(reviewTab);
                        case SHOW_AGREEMENT -> showTab(agreementTab);
                        case SHOW_CALIBRATION -> showTab(calibrationTab);
                        default -> help.run();
                    }
                }
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (getScene() != null && "?".equals(event.getCharacter())
                    && !(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                event.consume();
                help.run();
            }
        });
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

    /** Shows the tab with this index (0 review, then the reports), for menus and scripted screenshots. */
    public void showTab(int index) {
        showTab(getTabs().get(index));
    }
}
