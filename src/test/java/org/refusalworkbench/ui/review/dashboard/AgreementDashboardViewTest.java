package org.refusalworkbench.ui.review.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.report.EngineAgreementMeasures;
import org.refusalworkbench.report.ProjectAgreement;
import org.refusalworkbench.taxonomy.TaxonomyReader;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard on its own, mounted on a report built by hand: no project, no view model, no main window. */
class AgreementDashboardViewTest extends ApplicationTest {

    private final SimpleObjectProperty<ProjectAgreement> report = new SimpleObjectProperty<>();
    private final SimpleStringProperty status = new SimpleStringProperty("");

    @Override
    public void start(Stage stage) {
        report.set(ProjectAgreement.compute(List.of(
                        // ann and bo agree on all three; cy calls response 3 a compliance.
                        response(1, Map.of("ann", type("full_refusal"), "bo", type("full_refusal"),
                                "cy", type("full_refusal"))),
                        response(2, Map.of("ann", type("full_compliance"), "bo", type("full_compliance"),
                                "cy", type("full_compliance"))),
                        response(3, Map.of("ann", type("full_refusal"), "bo", type("full_refusal"),
                                "cy", type("full_compliance")))),
                TaxonomyReader.defaultTaxonomy(), new EngineAgreementMeasures(), ProjectAgreement.Selection.all()));
        stage.setScene(new Scene(new AgreementDashboardView(report, status, "hand-built"), 1200, 800));
        stage.show();
    }

    @Test
    void choosingAnotherAnnotatorInThePickerShowsThatPairsConfusionMatrix() {
        // Categories in taxonomy order: full_compliance, full_refusal, partial_refusal.
        assertThat(matrix()).isDeepEqualTo(new long[][] {{1, 0, 0}, {0, 2, 0}, {0, 0, 0}});

        ComboBox<String> second = lookup("#confusion-second").queryComboBox();
        interact(() -> second.setValue("cy"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(matrix()).as("ann ↓ against cy →").isDeepEqualTo(new long[][] {{1, 0, 0}, {1, 1, 0}, {0, 0, 0}});
        assertThat(lookup("#confusion-matrix").queryAs(GridPane.class).getChildren()).filteredOn(Label.class::isInstance)
                .extracting(node -> ((Label) node).getText()).contains("ann ↓  cy →");
    }

    @Test
    void choosingTheSameAnnotatorTwiceAsksForTwoDifferentOnes() {
        ComboBox<String> second = lookup("#confusion-second").queryComboBox();
        interact(() -> second.setValue("ann"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup("#confusion-matrix").tryQuery()).isEmpty();
        assertThat(lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Choose two different annotators.");
    }

    @Test
    void theStatusLineShowsWhileIntervalsAreComputedAndGoesWhenTheyAreDone() {
        interact(() -> status.set("Computing bootstrap intervals…"));
        assertThat(lookup("#agreement-status").queryLabeled().getText()).isEqualTo("Computing bootstrap intervals…");

        interact(() -> status.set(""));
        assertThat(lookup("#agreement-status").tryQuery()).isEmpty();
        assertThat(lookup("#agreement-table").tryQuery()).as("the figures stay").isPresent();
    }

    private long[][] matrix() {
        GridPane grid = lookup("#confusion-matrix").queryAs(GridPane.class);
        long[][] counts = new long[3][3];
        for (Node cell : grid.getChildren()) {
            if (cell.getStyleClass().contains("confusion-cell")) {
                counts[GridPane.getRowIndex(cell) - 1][GridPane.getColumnIndex(cell) - 1] =
                        Long.parseLong(((Label) cell).getText());
            }
        }
        return counts;
    }

    private static Selections type(String option) {
        return Selections.none().with("response_type", option, true);
    }

    private static ResponseJudgements response(long id, Map<String, Selections> labels) {
        return new ResponseJudgements(id, id, "m", 1, SafetyLabel.SAFE, labels, null);
    }
}
