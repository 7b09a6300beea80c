package org.refusalworkbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.refusalworkbench.domain.Response;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.project.AnnotationService;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.ui.annotate.AnnotationViewModel;
import org.refusalworkbench.ui.common.SameThreadExecutor;

/**
 * The labelling workspace on a large project, measured through its view model exactly as the app drives it (the
 * same-thread executor runs the background reads inline, so a step's time is its whole cost before painting):
 * moving to the next prompt, and a label toggle from click to committed transaction.
 * <p>Run with {@code bench/workspace-bench.sh}; arguments: PROJECT.db [STEPS].
 */
public final class WorkspaceBenchmark {

    private WorkspaceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long openStart = System.nanoTime();
        try (ProjectDatabase database = ProjectFiles.open(file)) {
            AnnotationService service = AnnotationService.open(database, "annotator-1");
            AnnotationViewModel workspace = new AnnotationViewModel(service, new SameThreadExecutor());
            workspace.start();
            double openMs = (System.nanoTime() - openStart) / 1e6;
            System.out.printf(Locale.ROOT, "open project and show first prompt (view model): %.1f ms%n", openMs);

            for (int i = 0; i < 200; i++) {
                workspace.nextPrompt();
            }
            long[] next = new long[steps];
            for (int i = 0; i < steps; i++) {
                long start = System.nanoTime();
                workspace.nextPrompt();
                next[i] = System.nanoTime() - start;
                if (workspace.columns().isEmpty()) {
                    throw new IllegalStateException("no columns shown after step " + i);
                }
            }
            report("next prompt (queue step + load prompt, responses, labels, build columns)", next);

            List<Response> responses = service.load(workspace.promptProperty().get().id()).content().responses();
            String[] types = {"full_compliance", "full_refusal", "partial_refusal"};
            long[] toggles = new long[steps];
            for (int i = 0; i < steps; i++) {
                Response response = responses.get(i % responses.size());
                Selections selections = Selections.of(Map.of("response_type", List.of(types[i % 3])));
                long start = System.nanoTime();
                service.saveLabel(response.id(), selections, null).join();
                toggles[i] = System.nanoTime() - start;
            }
            report("label toggle, submitted to committed on the writer thread", toggles);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap used: %.1f MB (max heap %d MB)%n", peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: n=%d median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                sorted.length, at(sorted, 0.5), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
