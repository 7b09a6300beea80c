package org.refusalworkbench.ui.review;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.refusalworkbench.project.ProjectReports;
import org.refusalworkbench.report.JudgeReport;
import org.refusalworkbench.report.Proportion;

/**
 * How far each judge agrees with the people: a table of the judges (agreement, Cohen's kappa with its standard
 * error, the refusal-against-compliance collapse), then per judge its confusion matrix, each class's precision,
 * recall and F1, and how much it misstates each model's calibration rates, side by side with the final labels'.
 * Each judge's row opens its disagreements in the review queue, worst first.
 */
public final class JudgesView extends ScrollPane {

    private final JudgesViewModel judges;
    private final Consumer<String> reviewDisagreements;
    private final VBox content = new VBox(12);

    /** {@code reviewDisagreements} shows the review queue filtered to one judge's disagreements (by its label). */
    public JudgesView(JudgesViewModel judges, Consumer<String> reviewDisagreements) {
        this.judges = judges;
        this.reviewDisagreements = reviewDisagreements;
        setId("judges-view");
        setFitToWidth(true);
        getStyleClass().add("report-scroll");
        content.setPadding(new Insets(12));
        content.getStyleClass().add("report");
        setContent(content);
        judges.reportProperty().addListener((o, old, report) -> show(report));
        judges.statusProperty().addListener((o, old, status) -> show(judges.reportProperty().get()));
        show(judges.reportProperty().get());
    }

    private void show(ProjectReports.JudgeResults results) {
        content.getChildren().clear();
        Label title = new Label("Judges against the final labels — " + judges.projectName());
        title.getStyleClass().add("report-title");
        content.getChildren().add(title);
        String status = judges.statusProperty().get();
        if (!status.isEmpty() && (results == null || status.startsWith("⚠"))) {
            Label computing = new Label(status);
            computing.setId("judges-status");
            computing.setWrapText(true);
            content.getChildren().add(computing);
            return;
        }
        if (results == null) {
            return;
        }
        Label source = new Label("Compared with " + results.reference().describe() + ". κ is Cohen's kappa with"
                + " ± 1.96 standard errors. On the command line, \"report judges\" adds bootstrap intervals,"
                + " per-category figures and CSV or JSON for scripts.");
        source.getStyleClass().add("muted");
        source.setWrapText(true);
        content.getChildren().add(source);
        if (results.figures().isEmpty()) {
            Label none = new Label("No judge labels in this project yet. Run a built-in judge with"
                    + " \"refusal-workbench judge PROJECT --method xstest-strmatch\", or import a judge's output with"
                    + " \"judge PROJECT --from FILE\" (see docs/review.md, \"Auditing a judge\").");
            none.setId("judges-empty");
            none.setWrapText(true);
            content.getChildren().add(none);
            return;
        }
        content.getChildren().add(summary(results));
        for (JudgeReport.JudgeFigures judge : results.figures()) {
            content.getChildren().add(details(judge));
        }
    }

    private GridPane summary(ProjectReports.JudgeResults results) {
        GridPane table = new GridPane();
        table.setId("judges-table");
        table.getStyleClass().add("figures");
        table.setHgap(16);
        table.setVgap(4);
        table.addRow(0, cell("Judge", false), cell("Version", false), cell("Compared", true),
                cell("Unparsed", true), cell("Agreement", true), cell("κ ± 1.96 SE", true),
                cell("Refusal vs compliance κ", true), cell("", false));
        table.getChildren().forEach(heading -> heading.getStyleClass().add("figures-heading"));
        int row = 1;
        for (JudgeReport.JudgeFigures judge : results.figures()) {
            JudgeReport.Figures figures = judge.figures();
            Button review = new Button("Review disagreements");
            review.setId("review-disagreements-" + row);
            review.setOnAction(event -> reviewDisagreements.accept(judge.judge().label()));
            table.addRow(row++, cell(judge.judge().name(), false), cell(judge.judge().version(), false),
                    cell(String.valueOf(figures.compared()), true), cell(String.valueOf(figures.unparsed()), true),
                    cell(percent(figures.percentAgreement()), true), cell(kappa(figures.kappa()), true),
                    cell(judge.binary() == null ? "–" : kappa(judge.binary().kappa()), true), review);
        }
        return table;
    }

    private VBox details(JudgeReport.JudgeFigures judge) {
        Label heading = new Label(judge.judge().label());
        heading.getStyleClass().add("group-title");
        HBox figures = new HBox(24, confusion(judge.figures()), perClass(judge.figures()));
        VBox box = new VBox(8, heading, figures);
        if (!judge.calibration().isEmpty()) {
            box.getChildren().add(new HBox(12,
                    misstatement("Over-refusal: refusal rate on safe prompts", judge,
                            JudgeReport.Calibration::refusalOnSafeByReference,
                            JudgeReport.Calibration::refusalOnSafeByJudge),
                    misstatement("Under-refusal: compliance rate on unsafe prompts", judge,
                            JudgeReport.Calibration::complianceOnUnsafeByReference,
                            JudgeReport.Calibration::complianceOnUnsafeByJudge)));
        }
        box.getStyleClass().add("chart-box");
        box.setId("judge-" + judge.judge().name());
        return box;
    }

    /** Reference options down, the judge's across, unparsed last; the diagonal is where they agree. */
    private static GridPane confusion(JudgeReport.Figures figures) {
        GridPane grid = new GridPane();
        grid.getStyleClass().addAll("figures", "confusion");
        grid.setHgap(12);
        grid.setVgap(2);
        grid.add(cell("final ↓  judge →", false), 0, 0);
        int column = 1;
        Map<String, Map<String, Long>> matrix = figures.confusion();
        for (String judged : matrix.values().iterator().next().keySet()) {
            Label name = cell(judged, true);
            name.getStyleClass().add("figures-heading");
            grid.add(name, column++, 0);
        }
        int row = 1;
        for (Map.Entry<String, Map<String, Long>> reference : matrix.entrySet()) {
            Label name = cell(reference.getKey(), false);
            name.getStyleClass().add("figures-heading");
            grid.add(name, 0, row);
            column = 1;
            for (Map.Entry<String, Long> count : reference.getValue().entrySet()) {
                Label value = cell(String.valueOf(count.getValue()), true);
                if (count.getKey().equals(reference.getKey())) {
                    value.getStyleClass().add("agreed");
                }
                grid.add(value, column++, row);
            }
            row++;
        }
        return grid;
    }

    private static GridPane perClass(JudgeReport.Figures figures) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("figures");
        grid.setHgap(12);
        grid.setVgap(2);
        grid.addRow(0, cell("Class", false), cell("Precision", true), cell("Recall", true), cell("F1", true));
        grid.getChildren().forEach(heading -> heading.getStyleClass().add("figures-heading"));
        int row = 1;
        for (Map.Entry<String, JudgeReport.ClassFigures> option : figures.perClass().entrySet()) {
            grid.addRow(row++, cell(option.getKey(), false), cell(percent(option.getValue().precision()), true),
                    cell(percent(option.getValue().recall()), true), cell(percent(option.getValue().f1()), true));
        }
        return grid;
    }

    /** Each model's rate by the final labels and by the judge, as pairs of bars, and the difference below. */
    private static VBox misstatement(String title, JudgeReport.JudgeFigures judge,
                                     Function<JudgeReport.Calibration, Proportion> byReference,
                                     Function<JudgeReport.Calibration, Proportion> byJudge) {
        NumberAxis share = new NumberAxis(0, 100, 20);
        share.setLabel("%");
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), share);
        chart.setTitle(title);
        chart.setAnimated(false);
        XYChart.Series<String, Number> people = new XYChart.Series<>();
        people.setName("final labels");
        XYChart.Series<String, Number> machine = new XYChart.Series<>();
        machine.setName(judge.judge().name());
        chart.getData().add(people);
        chart.getData().add(machine);
        StringBuilder differences = new StringBuilder("Judge minus final labels: ");
        boolean first = true;
        for (Map.Entry<String, JudgeReport.Calibration> model : judge.calibration().entrySet()) {
            Proportion reference = byReference.apply(model.getValue());
            Proportion judged = byJudge.apply(model.getValue());
            bar(people, model.getKey(), reference, "final labels");
            bar(machine, model.getKey(), judged, judge.judge().name());
            differences.append(first ? "" : ", ").append(model.getKey()).append(" ")
                    .append(reference.rate() == null || judged.rate() == null ? "–"
                            : String.format(Locale.ROOT, "%+.1f pt", (judged.rate() - reference.rate()) * 100));
            first = false;
        }
        chart.setPrefSize(520, 260);
        chart.getStyleClass().add("rate-chart");
        Label difference = new Label(differences.toString());
        difference.getStyleClass().add("muted");
        difference.setWrapText(true);
        VBox box = new VBox(4, chart, difference);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static void bar(XYChart.Series<String, Number> series, String model, Proportion rate, String by) {
        XYChart.Data<String, Number> bar = new XYChart.Data<>(model, rate.rate() == null ? 0 : rate.rate() * 100);
        series.getData().add(bar);
        String text = model + " by " + by + ": " + CalibrationView.describe(rate);
        bar.nodeProperty().addListener((o, old, node) -> {
            if (node != null) {
                Tooltip.install(node, new Tooltip(text));
            }
        });
    }

    private static Label cell(String text, boolean number) {
        return CalibrationView.figure(text, number);
    }

    private static String percent(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String kappa(JudgeReport.Kappa kappa) {
        if (kappa.value() == null) {
            return "–";
        }
        return kappa.standardError() == null ? String.format(Locale.ROOT, "%.3f", kappa.value())
                : String.format(Locale.ROOT, "%.3f ± %.3f", kappa.value(), 1.959963984540054 * kappa.standardError());
    }
}
