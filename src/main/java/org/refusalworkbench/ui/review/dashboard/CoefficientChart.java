package org.refusalworkbench.ui.review.dashboard;

import static org.refusalworkbench.ui.review.dashboard.DashboardCells.format;

import java.util.List;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.report.HeadlineMetric;
import org.refusalworkbench.report.ProjectAgreement;

/** The chance-corrected coefficients of every group and option as bars, each with its interval on hover. */
final class CoefficientChart extends VBox {

    private static final List<HeadlineMetric> CHARTED = List.of(HeadlineMetric.ALPHA, HeadlineMetric.KAPPA,
            HeadlineMetric.GWET);

    CoefficientChart(ProjectAgreement report) {
        CategoryAxis variables = new CategoryAxis();
        // Ticks are summed from the lower bound: -0.2 + 6 × 0.2 lands a hair above 1, and the 1.0 tick was dropped.
        NumberAxis value = new NumberAxis(-0.2, 1.0001, 0.2);
        BarChart<String, Number> chart = new BarChart<>(variables, value);
        chart.setAnimated(false);
        chart.setTitle("Agreement per group and option (α, κ, AC1)");
        chart.setCategoryGap(10);
        chart.setBarGap(1);
        for (HeadlineMetric metric : CHARTED) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(metric.displayName());
            for (ProjectAgreement.Row row : report.rows()) {
                AgreementMeasures.Coefficient coefficient = row.measured().coefficient(metric);
                XYChart.Data<String, Number> bar = new XYChart.Data<>(row.label(),
                        coefficient.value() == null ? 0 : coefficient.value());
                series.getData().add(bar);
                String text = row.label() + " — " + metric.displayName() + ": " + format(coefficient) + ", "
                        + row.measured().units() + " units";
                bar.nodeProperty().addListener((o, old, node) -> {
                    if (node != null) {
                        Tooltip.install(node, new Tooltip(text));
                    }
                });
            }
            chart.getData().add(series);
        }
        chart.setPrefHeight(470);
        chart.setMinWidth(900);
        getChildren().add(chart);
        getStyleClass().add("chart-box");
    }
}
