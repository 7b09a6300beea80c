package org.refusalworkbench.ui.review;

import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.report.KappaColours;
import org.refusalworkbench.report.ProjectAgreement;
import org.refusalworkbench.ui.common.ShownAs;

/**
 * The agreement dashboard: coefficients per group and option with intervals and units, the engine's warnings, a
 * heatmap of pairwise kappa, a confusion matrix of any two annotators, each annotator against gold, and agreement
 * before and after adjudication.
 */
public final class AgreementDashboardView extends ScrollPane {

    private static final List<String> KEYS = List.of(ProjectAgreement.ALPHA, ProjectAgreement.KAPPA, ProjectAgreement.GWET,
            ProjectAgreement.PERCENT);
    private static final List<String> NAMES = List.of("Krippendorff's α", "Fleiss' κ (Cohen's for 2)",
            "Gwet's AC1/AC2", "Agreement");

    private final AgreementDashboardViewModel dashboard;
    private final VBox content = new VBox(12);

    public AgreementDashboardView(AgreementDashboardViewModel dashboard) {
        this.dashboard = dashboard;
        setId("agreement-view");
        setFitToWidth(true);
        getStyleClass().add("report-scroll");
        content.setPadding(new Insets(12));
        setContent(content);
        dashboard.reportProperty().addListener((o, old, report) -> show(report));
        dashboard.statusProperty().addListener(observable -> show(dashboard.reportProperty().get()));
        show(dashboard.reportProperty().get());
    }

    private void show(ProjectAgreement report) {
        content.getChildren().clear();
        Label title = new Label("Annotator agreement — " + dashboard.projectName());
        title.getStyleClass().add("report-title");
        content.getChildren().add(title);
        if (!dashboard.statusProperty().get().isEmpty()) {
            Label status = new Label(dashboard.statusProperty().get());
            status.getStyleClass().add("muted");
            content.getChildren().add(status);
        }
        if (report == null) {
            return;
        }
        Label about = new Label("Units are responses; raters are the annotators " + String.join(", ",
                report.annotators()) + ". Bars show each coefficient with its bootstrap 95% interval (hover);"
                + " each option is also measured on its own as yes/no (chosen or ticked, or not).");
        about.getStyleClass().add("muted");
        about.setWrapText(true);
        content.getChildren().addAll(about, new HBox(12, coefficientTable(report), adjudicationBox(report)));
        FlowPane matrices = new FlowPane(12, 12);
        report.pairwise().forEach((group, matrix) -> matrices.getChildren().add(box(
                "Pairwise Cohen's κ — " + groupLabel(report, group), heatmap(matrix))));
        if (!report.singleChoiceGroups().isEmpty() && report.annotators().size() >= 2) {
            matrices.getChildren().add(confusionBox(report));
        }
        matrices.getChildren().add(goldBox(report));
        content.getChildren().addAll(matrices, coefficientChart(report));
    }

    private GridPane coefficientTable(ProjectAgreement report) {
        GridPane grid = new GridPane();
        grid.setId("agreement-table");
        grid.getStyleClass().addAll("chart-box", "agreement-table");
        grid.setHgap(18);
        grid.setVgap(3);
        grid.add(header("Group / option"), 0, 0);
        for (int k = 0; k < NAMES.size(); k++) {
            grid.add(header(NAMES.get(k)), k + 1, 0);
        }
        grid.add(header("Units"), NAMES.size() + 1, 0);
        int row = 1;
        for (ProjectAgreement.Row measured : report.rows()) {
            Label name = new Label(measured.isGroup() ? measured.label() : "    " + measured.label());
            if (measured.isGroup()) {
                name.getStyleClass().add("group-title");
            }
            grid.add(name, 0, row);
            for (int k = 0; k < KEYS.size(); k++) {
                AgreementMeasures.Coefficient coefficient = measured.measured().coefficient(KEYS.get(k));
                Label value = new Label(format(coefficient));
                if (coefficient.value() != null && !KEYS.get(k).equals(ProjectAgreement.PERCENT)) {
                    int[] rgb = KappaColours.rgb(coefficient.value());
                    value.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%d,%d,%d,0.45);"
                            + " -fx-padding: 1 6 1 6; -fx-background-radius: 3;", rgb[0], rgb[1], rgb[2]));
                }
                grid.add(value, k + 1, row);
            }
            grid.add(new Label(String.valueOf(measured.measured().units())), NAMES.size() + 1, row);
            row++;
            if (measured.isGroup() && !measured.measured().warnings().isEmpty()) {
                Label warning = new Label("⚠ " + String.join("; ", measured.measured().warnings()));
                warning.getStyleClass().add("warning-text");
                warning.setWrapText(true);
                warning.setMaxWidth(1000);
                grid.add(warning, 0, row, NAMES.size() + 2, 1);
                row++;
            }
        }
        return grid;
    }

    private VBox coefficientChart(ProjectAgreement report) {
        CategoryAxis variables = new CategoryAxis();
        // Ticks are summed from the lower bound: -0.2 + 6 × 0.2 lands a hair above 1, and the 1.0 tick was dropped.
        NumberAxis value = new NumberAxis(-0.2, 1.0001, 0.2);
        BarChart<String, Number> chart = new BarChart<>(variables, value);
        chart.setAnimated(false);
        chart.setTitle("Agreement per group and option (α, κ, AC1)");
        chart.setCategoryGap(10);
        chart.setBarGap(1);
        for (int k = 0; k < 3; k++) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(NAMES.get(k));
            for (ProjectAgreement.Row row : report.rows()) {
                AgreementMeasures.Coefficient coefficient = row.measured().coefficient(KEYS.get(k));
                XYChart.Data<String, Number> bar = new XYChart.Data<>(row.label(),
                        coefficient.value() == null ? 0 : coefficient.value());
                series.getData().add(bar);
                String text = row.label() + " — " + NAMES.get(k) + ": " + format(coefficient) + ", "
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
        VBox box = new VBox(chart);
        box.getStyleClass().add("chart-box");
        return box;
    }

    private Node heatmap(AgreementMeasures.PairwiseKappa matrix) {
        if (matrix.raters().size() < 2) {
            Label none = new Label("Needs two annotators' answers on the same responses.");
            none.getStyleClass().add("muted");
            return none;
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
        return grid;
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
        int[] rgb = KappaColours.rgb(kappa.value());
        cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgb(%d,%d,%d); -fx-border-color: white;",
                rgb[0], rgb[1], rgb[2]));
        Tooltip.install(cell, new Tooltip(matrix.raters().get(i) + " vs " + matrix.raters().get(j) + ": κ "
                + number(kappa.value()) + ", SE " + number(kappa.standardError()) + ", bootstrap 95% interval "
                + (kappa.low() == null ? "–" : String.format(Locale.ROOT, "[%.2f, %.2f]", kappa.low(), kappa.high()))
                + " over the " + matrix.sharedUnits()[i][j] + " responses both labelled"));
        return cell;
    }

    private VBox confusionBox(ProjectAgreement report) {
        ComboBox<String> group = new ComboBox<>();
        group.getItems().addAll(report.singleChoiceGroups());
        group.setValue(report.singleChoiceGroups().get(0));
        group.setConverter(ShownAs.text(id -> groupLabel(report, id)));
        ComboBox<String> first = new ComboBox<>();
        first.getItems().addAll(report.annotators());
        first.setValue(report.annotators().get(0));
        ComboBox<String> second = new ComboBox<>();
        second.getItems().addAll(report.annotators());
        second.setValue(report.annotators().get(1));
        VBox matrixHolder = new VBox();
        Runnable update = () -> {
            if (first.getValue() == null || second.getValue() == null || first.getValue().equals(second.getValue())) {
                matrixHolder.getChildren().setAll(new Label("Choose two different annotators."));
                return;
            }
            matrixHolder.getChildren().setAll(confusion(report, group.getValue(),
                    report.confusion(group.getValue(), first.getValue(), second.getValue())));
        };
        group.valueProperty().addListener(observable -> update.run());
        first.valueProperty().addListener(observable -> update.run());
        second.valueProperty().addListener(observable -> update.run());
        update.run();
        HBox pickers = new HBox(6, group, first, new Label("vs"), second);
        pickers.setAlignment(Pos.CENTER_LEFT);
        return box("Confusion matrix of two annotators", pickers, matrixHolder);
    }

    private GridPane confusion(ProjectAgreement report, String group, AgreementMeasures.Confusion confusion) {
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
        for (int j = 0; j < confusion.categories().size(); j++) {
            grid.add(header(optionLabel(report, group + "." + confusion.categories().get(j))), j + 1, 0);
        }
        for (int i = 0; i < confusion.categories().size(); i++) {
            Label name = new Label(optionLabel(report, group + "." + confusion.categories().get(i)));
            name.getStyleClass().add("grid-header");
            grid.add(name, 0, i + 1);
            for (int j = 0; j < confusion.categories().size(); j++) {
                long count = confusion.counts()[i][j];
                Label cell = new Label(String.valueOf(count));
                cell.setMinSize(110, 34);
                cell.setAlignment(Pos.CENTER);
                Color colour = (i == j ? Color.web("#3f8f4f") : Color.web("#c23030"))
                        .deriveColor(0, 1, 1, count == 0 ? 0.05 : 0.15 + 0.6 * count / max);
                cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%d,%d,%d,%.2f);"
                        + " -fx-border-color: white;", (int) (colour.getRed() * 255), (int) (colour.getGreen() * 255),
                        (int) (colour.getBlue() * 255), colour.getOpacity()));
                grid.add(cell, j + 1, i + 1);
            }
        }
        return grid;
    }

    private VBox adjudicationBox(ProjectAgreement report) {
        GridPane grid = new GridPane();
        grid.setId("adjudication-table");
        grid.setHgap(16);
        grid.setVgap(3);
        String[] headers = {"Group", "α before", "α after", "Disputed", "Adjudicated", "Resolved"};
        for (int k = 0; k < headers.length; k++) {
            grid.add(header(headers[k]), k, 0);
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
        return box("Before and after adjudication", grid, note);
    }

    private VBox goldBox(ProjectAgreement report) {
        if (report.goldAgreement().isEmpty()) {
            return box("Each annotator against gold", new Label("No gold labels yet: adjudicate in the Review tab."));
        }
        List<String> variables = report.goldAgreement().stream().map(gold -> gold.group() + (gold.option() == null
                ? "" : "." + gold.option())).distinct().toList();
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
            for (int a = 0; a < report.annotators().size(); a++) {
                String annotator = report.annotators().get(a);
                report.goldAgreement().stream().filter(gold -> gold.annotator().equals(annotator)
                        && variable.equals(gold.group() + (gold.option() == null ? "" : "." + gold.option())))
                        .findFirst().ifPresent(gold -> {
                            Label cell = new Label(gold.kappa() != null ? String.format(Locale.ROOT, "κ %.2f",
                                    gold.kappa()) : gold.percent() == null ? "–" : String.format(Locale.ROOT,
                                    "%.0f%%", gold.percent() * 100));
                            cell.setMinSize(86, 22);
                            cell.setAlignment(Pos.CENTER);
                            int[] rgb = KappaColours.rgb(gold.kappa() != null ? gold.kappa() : gold.percent());
                            cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgb(%d,%d,%d);"
                                    + " -fx-border-color: white;", rgb[0], rgb[1], rgb[2]));
                            Tooltip.install(cell, new Tooltip(annotator + " vs gold: " + (gold.percent() == null
                                    ? "–" : String.format(Locale.ROOT, "%.0f%%", gold.percent() * 100))
                                    + " agreement over " + gold.units() + " responses"));
                            grid.add(cell, 1 + report.annotators().indexOf(annotator), 1 + variables.indexOf(variable));
                        });
            }
        }
        return box("Each annotator against gold — who needs help, on which options (Cohen's κ)", grid);
    }

    private static String groupLabel(ProjectAgreement report, String group) {
        return report.taxonomy().group(group).map(g -> g.label()).orElse(group);
    }

    private static String optionLabel(ProjectAgreement report, String variable) {
        String[] parts = variable.split("\\.", 2);
        return report.taxonomy().group(parts[0]).flatMap(g -> g.option(parts[1])).map(o -> o.label())
                .orElse(parts[1]);
    }

    private static VBox box(String title, javafx.scene.Node... nodes) {
        Label label = new Label(title);
        label.getStyleClass().add("chart-title");
        VBox box = new VBox(6, label);
        box.getChildren().addAll(nodes);
        box.getStyleClass().add("chart-box");
        return box;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("grid-header");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setAlignment(Pos.CENTER);
        return label;
    }

    private static String format(AgreementMeasures.Coefficient coefficient) {
        if (coefficient.value() == null) {
            return "–";
        }
        return coefficient.low() == null ? number(coefficient.value()) : String.format(Locale.ROOT,
                "%.2f [%.2f, %.2f]", coefficient.value(), coefficient.low(), coefficient.high());
    }

    private static String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }
}
