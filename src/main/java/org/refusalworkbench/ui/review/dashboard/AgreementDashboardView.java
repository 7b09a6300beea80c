package org.refusalworkbench.ui.review.dashboard;

import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.refusalworkbench.report.ProjectAgreement;

/**
 * The agreement dashboard: coefficients per group and option with intervals and units, the engine's warnings, a
 * heatmap of pairwise kappa, a confusion matrix of any two annotators, each annotator against gold, and agreement
 * before and after adjudication — one panel class each.
 *
 * <p>It shows whatever report and status it is given, so a test or a benchmark mounts it on a hand-built report
 * without a project or a view model.
 */
public final class AgreementDashboardView extends ScrollPane {

    private final ObservableValue<ProjectAgreement> report;
    private final ObservableStringValue status;
    private final String projectName;
    private final VBox content = new VBox(12);

    public AgreementDashboardView(ObservableValue<ProjectAgreement> report, ObservableStringValue status,
                                  String projectName) {
        this.report = report;
        this.status = status;
        this.projectName = projectName;
        setId("agreement-view");
        setFitToWidth(true);
        getStyleClass().add("report-scroll");
        content.setPadding(new Insets(12));
        setContent(content);
        report.addListener(observable -> show());
        status.addListener(observable -> show());
        show();
    }

    private void show() {
        content.getChildren().clear();
        Label title = new Label("Annotator agreement — " + projectName);
        title.getStyleClass().add("report-title");
        content.getChildren().add(title);
        if (!status.get().isEmpty()) {
            Label shown = new Label(status.get());
            shown.setId("agreement-status");
            shown.getStyleClass().add("muted");
            content.getChildren().add(shown);
        }
        ProjectAgreement shownReport = report.getValue();
        if (shownReport == null) {
            return;
        }
        Label about = new Label("Units are responses; raters are the annotators " + String.join(", ",
                shownReport.annotators()) + ". Bars show each coefficient with its bootstrap 95% interval (hover);"
                + " each option is also measured on its own as yes/no (chosen or ticked, or not).");
        about.getStyleClass().add("muted");
        about.setWrapText(true);
        // The table keeps its full width (intervals cut short are unreadable); on a small screen the adjudication
        // panel moves below it instead of squeezing it.
        CoefficientTable table = new CoefficientTable(shownReport);
        table.setMinWidth(Region.USE_PREF_SIZE);
        AdjudicationPanel adjudication = new AdjudicationPanel(shownReport);
        adjudication.setMinWidth(Region.USE_PREF_SIZE);
        content.getChildren().addAll(about, new FlowPane(12, 12, table, adjudication));
        FlowPane matrices = new FlowPane(12, 12);
        shownReport.pairwise().forEach((group, matrix) -> matrices.getChildren().add(DashboardCells.box(
                "Pairwise Cohen's κ — " + DashboardCells.groupLabel(shownReport, group), new PairwiseHeatmap(matrix))));
        if (!shownReport.singleChoiceGroups().isEmpty() && shownReport.annotators().size() >= 2) {
            matrices.getChildren().add(new ConfusionPanel(shownReport));
        }
        matrices.getChildren().add(new GoldPanel(shownReport));
        content.getChildren().addAll(matrices, new CoefficientChart(shownReport));
    }
}
