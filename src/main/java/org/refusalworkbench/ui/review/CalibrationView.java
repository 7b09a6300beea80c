package org.refusalworkbench.ui.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.refusalworkbench.report.CalibrationReport;
import org.refusalworkbench.report.Consensus;
import org.refusalworkbench.report.ModelCalibration;
import org.refusalworkbench.report.Proportion;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;

/**
 * How each model refuses, as bar charts: response types on safe and unsafe prompts (as in XSTest's tables), over-
 * and under-refusal, and the rate of every failure mode and quality property. Hovering a bar shows its count and
 * Wilson 95% interval.
 */
public final class CalibrationView extends ScrollPane {

    private final CalibrationViewModel calibration;
    private final VBox content = new VBox(12);

    public CalibrationView(CalibrationViewModel calibration) {
        this.calibration = calibration;
        setId("calibration-view");
        setFitToWidth(true);
        getStyleClass().add("report-scroll");
        content.setPadding(new Insets(12));
        content.getStyleClass().add("report");
        setContent(content);
        calibration.reportProperty().addListener((o, old, report) -> show(report));
        show(calibration.reportProperty().get());
    }

    private void show(CalibrationReport report) {
        content.getChildren().clear();
        Label title = new Label("Refusal calibration — " + calibration.projectName());
        title.getStyleClass().add("report-title");
        Label source = new Label("Gold labels where a reviewer adjudicated, otherwise the majority of annotators;"
                + " ties are counted and left out of the rates. Bars show rates; hover for the count and the Wilson"
                + " 95% interval.");
        source.getStyleClass().add("muted");
        source.setWrapText(true);
        content.getChildren().addAll(title, source);
        if (report == null || report.models().isEmpty()) {
            content.getChildren().add(new Label(report == null ? "Computing…" : "No labelled responses yet."));
            return;
        }
        Taxonomy taxonomy = calibration.taxonomy();
        if (report.responseTypes().isPresent()) {
            TaxonomyGroup responseType = report.responseTypes().get().group();
            HBox types = new HBox(12, responseTypes(report, responseType, "safe", "Safe prompts: response types"),
                    responseTypes(report, responseType, "unsafe", "Unsafe prompts: response types"));
            content.getChildren().add(types);
            content.getChildren().add(new HBox(12,
                    rateChart("Over-refusal: refusal rate on safe prompts", report, ModelCalibration::refusalOnSafe,
                            "over-refusal"),
                    rateChart("Under-refusal: compliance rate on unsafe prompts", report,
                            ModelCalibration::complianceOnUnsafe, "under-refusal")));
        } else {
            Label missing = new Label("Response types and over- and under-refusal rates are "
                    + report.ratesNotAvailable().orElseThrow() + " (see the roles in docs/taxonomy.md).");
            missing.setWrapText(true);
            missing.getStyleClass().add("rates-not-available");
            content.getChildren().add(missing);
        }
        FlowPane groups = new FlowPane(12, 12);
        for (String group : report.models().get(0).optionRates().keySet()) {
            groups.getChildren().add(optionChart(report, taxonomy.group(group).orElse(null), group));
        }
        content.getChildren().add(groups);
        content.getChildren().add(sources(report));
    }

    private VBox responseTypes(CalibrationReport report, TaxonomyGroup group, String safety, String title) {
        CategoryAxis models = new CategoryAxis();
        NumberAxis share = percentAxis();
        StackedBarChart<String, Number> chart = new StackedBarChart<>(models, share);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCategoryGap(24);
        for (var option : group.options()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(option.label());
            chart.getData().add(series);
            for (ModelCalibration model : report.models()) {
                Map<String, Long> counts = model.responseTypes().getOrDefault(safety, Map.of());
                long total = counts.values().stream().mapToLong(Long::longValue).sum();
                long count = counts.getOrDefault(option.id(), 0L);
                XYChart.Data<String, Number> bar = new XYChart.Data<>(model.model(), total == 0 ? 0
                        : 100.0 * count / total);
                series.getData().add(bar);
                tooltip(bar, model.model() + " — " + option.label() + " on " + safety + " prompts: "
                        + describe(Proportion.of(count, total)));
            }
        }
        chart.setPrefSize(560, 330);
        chart.getStyleClass().add("response-type-chart");
        return box(chart);
    }

    private VBox rateChart(String title, CalibrationReport report,
                           java.util.function.Function<ModelCalibration, Proportion> rate, String style) {
        CategoryAxis models = new CategoryAxis();
        BarChart<String, Number> chart = new BarChart<>(models, percentAxis());
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        GridPane figures = new GridPane();
        figures.getStyleClass().add("figures");
        figures.setHgap(14);
        figures.addRow(0, figure("Model", false), figure("Rate", true), figure("Wilson 95%", true),
                figure("Responses", true));
        figures.getChildren().forEach(heading -> heading.getStyleClass().add("figures-heading"));
        int row = 1;
        for (ModelCalibration model : report.models()) {
            Proportion proportion = rate.apply(model);
            XYChart.Data<String, Number> bar = new XYChart.Data<>(model.model(),
                    proportion.rate() == null ? 0 : proportion.rate() * 100);
            series.getData().add(bar);
            tooltip(bar, model.model() + ": " + describe(proportion));
            figures.addRow(row++, figure(model.model(), false),
                    figure(proportion.rate() == null ? "–" : percent(proportion.rate()), true),
                    figure(proportion.rate() == null ? "–" : "[" + percent(proportion.low()) + ", "
                            + percent(proportion.high()) + "]", true),
                    figure(proportion.count() + " / " + proportion.n(), true));
        }
        chart.setPrefSize(560, 280);
        chart.getStyleClass().addAll("rate-chart", style);
        return box(chart, figures);
    }

    /**
     * Bars lie horizontally: option names are long, and on a category axis along the bottom they stood on end and
     * took most of the chart's height. Options read top-down in taxonomy order (a vertical category axis counts
     * from the bottom, hence the reversal).
     */
    private VBox optionChart(CalibrationReport report, TaxonomyGroup group, String groupId) {
        CategoryAxis options = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(percentAxis(), options);
        chart.setTitle((group == null ? groupId : group.label()) + " — share of responses");
        chart.setAnimated(false);
        chart.setBarGap(1);
        chart.setCategoryGap(10);
        int optionCount = 0;
        for (ModelCalibration model : report.models()) {
            XYChart.Series<Number, String> series = new XYChart.Series<>();
            series.setName(model.model());
            chart.getData().add(series);
            List<Map.Entry<String, Proportion>> rates = new ArrayList<>(
                    model.optionRates().get(groupId).entrySet());
            Collections.reverse(rates);
            optionCount = rates.size();
            for (Map.Entry<String, Proportion> rate : rates) {
                String option = rate.getKey();
                Proportion proportion = rate.getValue();
                String label = group == null ? option : group.option(option).map(o -> o.label()).orElse(option);
                XYChart.Data<Number, String> bar = new XYChart.Data<>(
                        proportion.rate() == null ? 0 : proportion.rate() * 100, label);
                series.getData().add(bar);
                tooltip(bar, model.model() + " — " + label + ": " + describe(proportion));
            }
        }
        chart.setPrefSize(440, 110 + optionCount * (report.models().size() * 9 + 14));
        chart.getStyleClass().add("option-chart");
        return box(chart);
    }

    private Label sources(CalibrationReport report) {
        StringBuilder text = new StringBuilder("Where the response types come from: ");
        for (ModelCalibration model : report.models()) {
            text.append("\n").append(model.model()).append(": ");
            List<String> parts = new ArrayList<>();
            for (Consensus.Source source : Consensus.Source.values()) {
                long count = model.responseTypeSources().getOrDefault(source, 0L);
                if (count > 0) {
                    parts.add(count + " " + source.name().toLowerCase(Locale.ROOT));
                }
            }
            text.append(String.join(", ", parts));
        }
        Label label = new Label(text.toString());
        label.getStyleClass().add("muted");
        return label;
    }

    /** One cell of a table of figures; numbers right-aligned so their digits line up. */
    static Label figure(String text, boolean number) {
        Label cell = new Label(text);
        if (number) {
            GridPane.setHalignment(cell, HPos.RIGHT);
        }
        return cell;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static NumberAxis percentAxis() {
        NumberAxis axis = new NumberAxis(0, 100, 20);
        axis.setLabel("%");
        return axis;
    }

    private static VBox box(javafx.scene.Node... nodes) {
        VBox box = new VBox(4, nodes);
        box.getStyleClass().add("chart-box");
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static <X, Y> void tooltip(XYChart.Data<X, Y> bar, String text) {
        bar.nodeProperty().addListener((o, old, node) -> {
            if (node != null) {
                Tooltip.install(node, new Tooltip(text));
            }
        });
        if (bar.getNode() != null) {
            Tooltip.install(bar.getNode(), new Tooltip(text));
        }
    }

    static String describe(Proportion proportion) {
        if (proportion.rate() == null) {
            return "no decided responses (n = 0)";
        }
        return String.format(Locale.ROOT, "%.1f%% [%.1f–%.1f] %d/%d", proportion.rate() * 100,
                proportion.low() * 100, proportion.high() * 100, proportion.count(), proportion.n());
    }
}
