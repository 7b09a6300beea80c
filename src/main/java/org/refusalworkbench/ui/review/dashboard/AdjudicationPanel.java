package org.refusalworkbench.ui.review.dashboard;

import static org.refusalworkbench.ui.review.dashboard.DashboardCells.header;
import static org.refusalworkbench.ui.review.dashboard.DashboardCells.number;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.refusalworkbench.report.ProjectAgreement;

/** Per group: α among annotators before adjudication and with the gold label after, and how much was resolved. */
final class AdjudicationPanel extends VBox {

    private static final String[] HEADERS = {"Group", "α before", "α after", "Disputed", "Adjudicated", "Resolved"};

    AdjudicationPanel(ProjectAgreement report) {
        super(6);
        GridPane grid = new GridPane();
        grid.setId("adjudication-table");
        grid.setHgap(16);
        grid.setVgap(3);
        for (int k = 0; k < HEADERS.length; k++) {
            grid.add(header(HEADERS[k]), k, 0);
        }
        int row = 1;
        for (ProjectAgreement.AdjudicationEffect effect : report.adjudication()) {
            grid.add(new Label(effect.label()), 0, row);
            grid.add(new Label(number(effect.alphaBefore())), 1, row);
            Label after = new Label(number(effect.alphaAfter()));
            after.setId("alpha-after-" + effect.group());
            grid.add(after, 2, row);
            grid.add(new Label(String.valueOf(effect.disputed())), 3, row);
            Label adjudicated = new Label(String.valueOf(effect.disputedAdjudicated()));
            adjudicated.setId("resolved-" + effect.group());
            grid.add(adjudicated, 4, row);
            grid.add(new Label(effect.shareResolved() == null ? "–" : String.format(Locale.ROOT, "%.0f%%",
                    effect.shareResolved() * 100)), 5, row);
            row++;
        }
        Label note = new Label("Before: α among annotators. After: α with the gold label as one more rater on the "
                + report.adjudicatedResponses() + " adjudicated responses. Disputed: annotators differ.");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.setMaxWidth(430);
        getChildren().addAll(DashboardCells.title("Before and after adjudication"), grid, note);
        getStyleClass().add("chart-box");
    }
}
