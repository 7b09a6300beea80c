package org.refusalworkbench.ui.review.dashboard;

import static org.refusalworkbench.ui.review.dashboard.DashboardCells.groupLabel;
import static org.refusalworkbench.ui.review.dashboard.DashboardCells.header;
import static org.refusalworkbench.ui.review.dashboard.DashboardCells.optionLabel;

import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.refusalworkbench.report.KappaColours;
import org.refusalworkbench.report.ProjectAgreement;

/** Each annotator against the gold labels, per group and option: who needs help, and on what. */
final class GoldPanel extends VBox {

    GoldPanel(ProjectAgreement report) {
        super(6);
        getChildren().add(DashboardCells.title(report.goldAgreement().isEmpty() ? "Each annotator against gold"
                : "Each annotator against gold — who needs help, on which options (Cohen's κ)"));
        getStyleClass().add("chart-box");
        if (report.goldAgreement().isEmpty()) {
            getChildren().add(new Label("No gold labels yet: adjudicate in the Review tab."));
            return;
        }
        List<String> variables = report.goldAgreement().stream().map(GoldPanel::variable).distinct().toList();
        GridPane grid = new GridPane();
        grid.getStyleClass().add("heatmap");
        for (int i = 0; i < report.annotators().size(); i++) {
            grid.add(header(report.annotators().get(i)), i + 1, 0);
        }
        for (int v = 0; v < variables.size(); v++) {
            String variable = variables.get(v);
            boolean isOption = variable.contains(".");
            Label name = new Label(isOption ? "   " + optionLabel(report, variable) : groupLabel(report, variable));
            name.getStyleClass().add(isOption ? "muted" : "group-title");
            grid.add(name, 0, v + 1);
        }
        for (ProjectAgreement.GoldAgreement gold : report.goldAgreement()) {
            grid.add(cell(gold), 1 + report.annotators().indexOf(gold.annotator()),
                    1 + variables.indexOf(variable(gold)));
        }
        getChildren().add(grid);
    }

    private static String variable(ProjectAgreement.GoldAgreement gold) {
        return gold.group() + (gold.option() == null ? "" : "." + gold.option());
    }

    /** Kappa where it is defined, else raw agreement; the agreement and the responses it rests on on hover. */
    private static Label cell(ProjectAgreement.GoldAgreement gold) {
        Label cell = new Label(gold.kappa() != null ? String.format(Locale.ROOT, "κ %.2f", gold.kappa())
                : gold.percent() == null ? "–" : String.format(Locale.ROOT, "%.0f%%", gold.percent() * 100));
        cell.setMinSize(86, 22);
        cell.setAlignment(Pos.CENTER);
        cell.setStyle(DashboardCells.rgb(KappaColours.rgb(gold.kappa() != null ? gold.kappa() : gold.percent())));
        Tooltip.install(cell, new Tooltip(gold.annotator() + " vs gold: " + (gold.percent() == null ? "–"
                : String.format(Locale.ROOT, "%.0f%%", gold.percent() * 100)) + " agreement over " + gold.units()
                + " responses"));
        return cell;
    }
}
