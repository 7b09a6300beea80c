package org.refusalworkbench.ui.review;

import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyEvent;

import org.refusalworkbench.ui.common.UiExecutor;

/**
 * Review mode: the adjudication queue, the agreement dashboard and the calibration report, one tab each. The
 * reports are recomputed when their tab is shown after a gold label was saved.
 */
public final class ReviewWorkspace extends TabPane {

    private final ReviewViewModel review;
    private final CalibrationViewModel calibration;
    private final ReviewView reviewView;
    private final Tab reviewTab;
    private final Tab calibrationTab;
    private long calibrationRevision = -1;

    public ReviewWorkspace(ReviewService service, UiExecutor executor) {
        review = new ReviewViewModel(service, executor);
        calibration = new CalibrationViewModel(service, executor);
        reviewView = new ReviewView(review);
        reviewTab = tab("Review  (" + ReviewKey.SHOW_REVIEW.displayText() + ")", reviewView, "review-tab");
        calibrationTab = tab("Calibration  (" + ReviewKey.SHOW_CALIBRATION.displayText() + ")",
                new CalibrationView(calibration), "calibration-tab");
        getTabs().addAll(reviewTab, calibrationTab);
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
            for (ReviewKey key : new ReviewKey[] {ReviewKey.SHOW_REVIEW, ReviewKey.SHOW_CALIBRATION,
                    ReviewKey.SHOW_HELP}) {
                if (key.matches(event)) {
                    event.consume();
                    if (key == ReviewKey.SHOW_HELP) {
                        help.run();
                    } else {
                        showTab(key == ReviewKey.SHOW_REVIEW ? reviewTab : calibrationTab);
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
    }

    public ReviewViewModel review() {
        return review;
    }

    public CalibrationViewModel calibration() {
        return calibration;
    }

    /** Shows the tab with this index (0 review, then the reports), for menus and scripted screenshots. */
    public void showTab(int index) {
        showTab(getTabs().get(index));
    }
}
