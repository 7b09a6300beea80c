package org.refusalworkbench.ui.review.dashboard;

import static org.refusalworkbench.ui.review.dashboard.DashboardCells.header;
import static org.refusalworkbench.ui.review.dashboard.DashboardCells.number;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.report.KappaColours;

/** Cohen's kappa of every pair of annotators on one group, coloured by the kappa scale. */
final class PairwiseHeatmap extends VBox {

    PairwiseHeatmap(AgreementMeasures.PairwiseKappa matrix) {
        if (matrix.raters().size() < 2) {
            Label none = new Label("Needs two annotators' answers on the same responses.");
            none.getStyleClass().add("muted");
            getChildren().add(none);
            return;
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("heatmap");
        int n = matrix.raters().size();
        for (int j = 0; j < n; j++) {
            grid.add(header(matrix.raters().get(j)), j + 1, 0);
        }
        for (int i = 0; i < n; i++) {
            Label name = new Label(matrix.raters().get(i));
            name.getStyleClass().add("grid-header");
            grid.add(name, 0, i + 1);
            for (int j = 0; j < n; j++) {
                grid.add(i == j ? diagonalCell() : pairCell(matrix, i, j), j + 1, i + 1);
            }
        }
        getChildren().add(grid);
    }

    private static Label diagonalCell() {
        Label cell = new Label("");
        cell.setMinSize(96, 46);
        cell.setStyle("-fx-background-color: rgb(245,247,250); -fx-border-color: white;");
        return cell;
    }

    /** Kappa in bold with its bootstrap interval underneath; standard error and shared responses on hover. */
    private static VBox pairCell(AgreementMeasures.PairwiseKappa matrix, int i, int j) {
        AgreementMeasures.Coefficient kappa = matrix.kappa()[i][j];
        Label value = new Label(number(kappa.value()));
        value.setStyle("-fx-font-weight: bold;");
        VBox cell = new VBox(value);
        if (kappa.low() != null) {
            Label interval = new Label(String.format(Locale.ROOT, "[%.2f, %.2f]", kappa.low(), kappa.high()));
            interval.setStyle("-fx-font-size: 10px;");
            cell.getChildren().add(interval);
        }
        cell.setMinSize(96, 46);
        cell.setAlignment(Pos.CENTER);
        cell.setStyle(DashboardCells.rgb(KappaColours.rgb(kappa.value())));
        Tooltip.install(cell, new Tooltip(matrix.raters().get(i) + " vs " + matrix.raters().get(j) + ": κ "
                + number(kappa.value()) + ", SE " + number(kappa.standardError()) + ", bootstrap 95% interval "
                + (kappa.low() == null ? "–" : String.format(Locale.ROOT, "[%.2f, %.2f]", kappa.low(), kappa.high()))
                + " over the " + matrix.sharedUnits()[i][j] + " responses both labelled"));
        return cell;
    }
}
