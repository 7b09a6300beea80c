package org.refusalworkbench.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;

import org.refusalworkbench.agreement.AgreementReport;
import org.refusalworkbench.agreement.MeasurementLevel;
import org.refusalworkbench.agreement.RatingTable;
import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.report.EngineAgreementMeasures;
import org.refusalworkbench.report.ProjectAgreement;
import org.refusalworkbench.storage.JudgementQuery;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.ui.common.AfterFrame;
import org.refusalworkbench.ui.review.dashboard.AgreementDashboardView;

/**
 * The agreement dashboard's confusion-matrix picker on a large project, in a real window: the time from choosing
 * another annotator to the frame that shows the new matrix. Yardsticks in the same run: an idle frame (the same
 * wait with nothing changed) and what one pick cost before, when the engine ran again for the chosen pair.
 * <p>Run with {@code bench/dashboard-picker-bench.sh}; arguments: PROJECT.db [PICKS].
 */
public final class DashboardPickerBenchmark {

    private static final String GROUP = "response_type";

    private DashboardPickerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int picks = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<ResponseJudgements> judgements;
        Taxonomy taxonomy;
        try (ProjectDatabase database = ProjectFiles.open(file)) {
            long start = System.nanoTime();
            judgements = database.read(JudgementQuery::all);
            taxonomy = database.read(ProjectSetup::currentTaxonomy);
            System.out.printf(Locale.ROOT, "labels of %,d responses read: %.1f s%n", judgements.size(),
                    (System.nanoTime() - start) / 1e9);
        }
        long start = System.nanoTime();
        ProjectAgreement report = ProjectAgreement.compute(judgements, taxonomy,
                new EngineAgreementMeasures(ReportOptions.defaults().withBootstrap(0)), ProjectAgreement.Selection.all());
        System.out.printf(Locale.ROOT, "report without intervals (compute lane, off the UI thread): %.1f s%n",
                (System.nanoTime() - start) / 1e9);
        List<String> annotators = report.annotators();

        long[] engine = enginePerPick(judgements, annotators, Math.min(picks, 10));
        report("before: rating table and engine run again for the pair, per pick", engine);

        Platform.startup(() -> { });
        CompletableFuture<ComboBox<String>> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            AgreementDashboardView view = new AgreementDashboardView(new SimpleObjectProperty<>(report),
                    new SimpleStringProperty(""), "benchmark");
            stage.setScene(new Scene(view, 1366, 768));
            stage.show();
            @SuppressWarnings("unchecked")
            ComboBox<String> second = (ComboBox<String>) view.lookup("#confusion-second");
            AfterFrame.next(() -> AfterFrame.next(() -> shown.complete(second)));
        });
        ComboBox<String> second = shown.get(60, TimeUnit.SECONDS);

        long[] idle = new long[picks];
        long[] pick = new long[picks];
        for (int i = 0; i < picks; i++) {
            idle[i] = frameAfter(() -> { });
            String chosen = annotators.get(1 + i % (annotators.size() - 1));
            String other = annotators.get(1 + (i + 1) % (annotators.size() - 1));
            pick[i] = frameAfter(() -> second.setValue(second.getValue().equals(chosen) ? other : chosen));
        }
        report("idle frame (yardstick: the same wait, nothing changed)", idle);
        report("pick another annotator until the new matrix is on screen", pick);
        Platform.exit();
    }

    /** Runs {@code change} on the UI thread and times it until the frame after it has been drawn. */
    private static long frameAfter(Runnable change) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            change.run();
            AfterFrame.next(() -> done.complete(System.nanoTime() - start));
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    /**
     * What a pick cost when the dashboard asked the engine for the pair's matrix each time: the group's rating
     * table built again from the ratings, then the engine's report for it.
     */
    private static long[] enginePerPick(List<ResponseJudgements> judgements, List<String> annotators, int picks) {
        long[] times = new long[picks];
        List<Long> sink = new ArrayList<>();
        for (int i = 0; i < picks; i++) {
            long start = System.nanoTime();
            RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL)
                    .categories(List.of("full_compliance", "full_refusal", "partial_refusal"));
            for (ResponseJudgements response : judgements) {
                response.byAnnotator().forEach((name, selections) -> {
                    Set<String> chosen = selections.options(GROUP);
                    if (chosen.size() == 1) {
                        builder.add(Long.toString(response.responseId()), name, chosen.iterator().next());
                    }
                });
            }
            sink.add(AgreementReport.compute(builder.build(), ReportOptions.defaults().withBootstrap(0))
                    .confusionMatrix(annotators.get(0), annotators.get(1 + i % (annotators.size() - 1))).total());
            times[i] = System.nanoTime() - start;
        }
        if (sink.stream().anyMatch(total -> total == 0)) {
            throw new IllegalStateException("an annotator pair shared no responses");
        }
        return times;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int slowest = 0;
        for (int i = 1; i < nanos.length; i++) {
            slowest = nanos[i] > nanos[slowest] ? i : slowest;
        }
        System.out.printf(Locale.ROOT, "%s: median %.1f ms, p95 %.1f ms, max %.1f ms (run %d of %d)%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.95)] / 1e6,
                sorted[sorted.length - 1] / 1e6, slowest + 1, sorted.length);
    }
}
