package org.refusalworkbench.ui.review.dashboard;

import static org.refusalworkbench.ui.review.dashboard.DashboardCells.groupLabel;
import static org.refusalworkbench.ui.review.dashboard.DashboardCells.header;
import static org.refusalworkbench.ui.review.dashboard.DashboardCells.optionLabel;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.report.ProjectAgreement;
import org.refusalworkbench.ui.common.ShownAs;

/**
 * The confusion matrix of any two annotators on a single-choice group, chosen with three pickers. A pick only looks
 * up counts the report kept, so it costs a redraw of a few cells however large the project.
 */
final class ConfusionPanel extends VBox {

    private final ProjectAgreement report;
    private final ComboBox<String> group = new ComboBox<>();
    private final ComboBox<String> first = new ComboBox<>();
    private final ComboBox<String> second = new ComboBox<>();
    private final VBox matrixHolder = new VBox();

    ConfusionPanel(ProjectAgreement report) {
        super(6);
        this.report = report;
        group.setId("confusion-group");
        group.getItems().addAll(report.singleChoiceGroups());
        group.setValue(report.singleChoiceGroups().get(0));
        group.setConverter(ShownAs.text(id -> groupLabel(report, id)));
        first.setId("confusion-first");
        first.getItems().addAll(report.annotators());
        first.setValue(report.annotators().get(0));
        second.setId("confusion-second");
        second.getItems().addAll(report.annotators());
        second.setValue(report.annotators().get(1));
        group.valueProperty().addListener(observable -> update());
        first.valueProperty().addListener(observable -> update());
        second.valueProperty().addListener(observable -> update());
        update();
        HBox pickers = new HBox(6, group, first, new Label("vs"), second);
        pickers.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(DashboardCells.title("Confusion matrix of two annotators"), pickers, matrixHolder);
        getStyleClass().add("chart-box");
    }

    private void update() {
        if (first.getValue() == null || second.getValue() == null || first.getValue().equals(second.getValue())) {
            matrixHolder.getChildren().setAll(new Label("Choose two different annotators."));
            return;
        }
        matrixHolder.getChildren().setAll(matrix(report.confusion(group.getValue(), first.getValue(),
                second.getValue())));
    }

    private GridPane matrix(AgreementMeasures.Confusion confusion) {
        GridPane grid = new GridPane();
        grid.setId("confusion-matrix");
        grid.getStyleClass().add("heatmap");
        long max = 1;
        for (long[] row : confusion.counts()) {
            for (long count : row) {
                max = Math.max(max, count);
            }
        }
        Label corner = new Label(confusion.first() + " ↓  " + confusion.second() + " →");
        corner.getStyleClass().add("muted");
        grid.add(corner, 0, 0);
        String prefix = group.getValue() + ".";
        for (int j = 0; j < confusion.categories().size(); j++) {
            grid.add(header(optionLabel(report, prefix + confusion.categories().get(j))), j + 1, 0);
        }
        for (int i = 0; i < confusion.categories().size(); i++) {
            Label name = new Label(optionLabel(report, prefix + confusion.categories().get(i)));
            name.getStyleClass().add("grid-header");
            grid.add(name, 0, i + 1);
            for (int j = 0; j < confusion.categories().size(); j++) {
                grid.add(cell(confusion.counts()[i][j], i == j, max), j + 1, i + 1);
            }
        }
        return grid;
    }

    /** Agreements green, disagreements red, darker the more responses the cell holds. */
    private static Label cell(long count, boolean agreed, long max) {
        Label cell = new Label(String.valueOf(count));
        cell.getStyleClass().add("confusion-cell");
        cell.setMinSize(110, 34);
        cell.setAlignment(Pos.CENTER);
        Color colour = (agreed ? Color.web("#3f8f4f") : Color.web("#c23030"))
                .deriveColor(0, 1, 1, count == 0 ? 0.05 : 0.15 + 0.6 * count / max);
        cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%d,%d,%d,%.2f);"
                + " -fx-border-color: white;", (int) (colour.getRed() * 255), (int) (colour.getGreen() * 255),
                (int) (colour.getBlue() * 255), colour.getOpacity()));
        return cell;
    }
}
