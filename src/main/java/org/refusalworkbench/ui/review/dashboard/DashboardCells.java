package org.refusalworkbench.ui.review.dashboard;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.report.ProjectAgreement;

/** What every dashboard panel draws the same way: titled boxes, grid headers, numbers, taxonomy labels. */
final class DashboardCells {

    private DashboardCells() {
    }

    static VBox box(String title, Node... nodes) {
        VBox box = new VBox(6, title(title));
        box.getChildren().addAll(nodes);
        box.getStyleClass().add("chart-box");
        return box;
    }

    /** A panel's title. */
    static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("chart-title");
        return label;
    }

    static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("grid-header");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setAlignment(Pos.CENTER);
        return label;
    }

    static String format(AgreementMeasures.Coefficient coefficient) {
        if (coefficient.value() == null) {
            return "–";
        }
        return coefficient.low() == null ? number(coefficient.value()) : String.format(Locale.ROOT,
                "%.2f [%.2f, %.2f]", coefficient.value(), coefficient.low(), coefficient.high());
    }

    static String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String rgb(int[] rgb) {
        return String.format(Locale.ROOT, "-fx-background-color: rgb(%d,%d,%d); -fx-border-color: white;",
                rgb[0], rgb[1], rgb[2]);
    }

    static String groupLabel(ProjectAgreement report, String group) {
        return report.taxonomy().group(group).map(g -> g.label()).orElse(group);
    }

    /** The label of {@code group.option}, or the option id if the taxonomy no longer has it. */
    static String optionLabel(ProjectAgreement report, String variable) {
        String[] parts = variable.split("\\.", 2);
        return report.taxonomy().group(parts[0]).flatMap(g -> g.option(parts[1])).map(o -> o.label())
                .orElse(parts[1]);
    }
}
