package org.refusalworkbench.ui.review.dashboard;

import static org.refusalworkbench.ui.review.dashboard.DashboardCells.format;
import static org.refusalworkbench.ui.review.dashboard.DashboardCells.header;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.report.HeadlineMetric;
import org.refusalworkbench.report.KappaColours;
import org.refusalworkbench.report.ProjectAgreement;

/** The headline coefficients of every group and option, with intervals, units and the engine's warnings. */
final class CoefficientTable extends GridPane {

    CoefficientTable(ProjectAgreement report) {
        setId("agreement-table");
        getStyleClass().addAll("chart-box", "agreement-table");
        setHgap(18);
        setVgap(3);
        HeadlineMetric[] metrics = HeadlineMetric.values();
        add(header("Group / option"), 0, 0);
        for (int k = 0; k < metrics.length; k++) {
            add(header(metrics[k].displayName()), k + 1, 0);
        }
        add(header("Units"), metrics.length + 1, 0);
        int row = 1;
        for (ProjectAgreement.Row measured : report.rows()) {
            Label name = new Label(measured.isGroup() ? measured.label() : "    " + measured.label());
            if (measured.isGroup()) {
                name.getStyleClass().add("group-title");
            }
            add(name, 0, row);
            for (int k = 0; k < metrics.length; k++) {
                add(value(measured.measured().coefficient(metrics[k]), metrics[k]), k + 1, row);
            }
            add(new Label(String.valueOf(measured.measured().units())), metrics.length + 1, row);
            row++;
            if (measured.isGroup() && !measured.measured().warnings().isEmpty()) {
                Label warning = new Label("⚠ " + String.join("; ", measured.measured().warnings()));
                warning.getStyleClass().add("warning-text");
                warning.setWrapText(true);
                warning.setMaxWidth(1000);
                add(warning, 0, row, metrics.length + 2, 1);
                row++;
            }
        }
    }

    private static Label value(AgreementMeasures.Coefficient coefficient, HeadlineMetric metric) {
        Label value = new Label(format(coefficient));
        if (coefficient.value() != null && metric.isChanceCorrected()) {
            int[] rgb = KappaColours.rgb(coefficient.value());
            value.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%d,%d,%d,0.45);"
                    + " -fx-padding: 1 6 1 6; -fx-background-radius: 3;", rgb[0], rgb[1], rgb[2]));
        }
        return value;
    }
}
