package org.refusalworkbench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.domain.PromptContent;
import org.refusalworkbench.domain.QueueFilter;
import org.refusalworkbench.demo.DemoProject;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.DoneMarks;
import org.refusalworkbench.storage.JudgementQuery;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFacets;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.storage.PromptContentQuery;
import org.refusalworkbench.storage.PromptQueue;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * Every query the queue, its filters, the labelling view and the reports run is planned by SQLite here; none may
 * scan a large table (responses, labels, selections, the change log) except a report's single ordered pass that
 * reads all of it, and there every join must go through an index.
 */
class QueryPlanTest {

    private static final Pattern SCAN_OF_BIG_TABLE = Pattern.compile(
            "SCAN (response|label|label_selection|change_log|adjudication|adjudication_selection|prompt_label)\\b"
                    + "(?! USING (COVERING )?INDEX)");
    /** Looking a label up by annotator alone walks all of that annotator's labels: a scan in disguise. */
    private static final Pattern LABELS_OF_WHOLE_ANNOTATOR = Pattern.compile("label_annotator \\(annotator_id=\\?\\)");
    private static final Pattern ANY_SCAN = Pattern.compile("\\bSCAN (\\w+)");

    @TempDir
    Path folder;

    @Test
    void queueFiltersAndLabellingQueriesNeverScanALargeTable() throws Exception {
        Map<String, List<String>> plans = plansOf(connection -> {
            Taxonomy taxonomy = ProjectSetup.currentTaxonomy(connection);
            long annotator = Annotators.find(connection, "annotator-a");
            PromptQueue queue = new PromptQueue(taxonomy);
            for (QueueFilter filter : List.of(QueueFilter.everything(),
                    new QueueFilter(QueueFilter.Status.NOT_DONE, "aurora-7b", "medical", SafetyLabel.SAFE,
                            true, "dose"),
                    new QueueFilter(QueueFilter.Status.DONE, null, null, SafetyLabel.UNSAFE, false, null))) {
                queue.count(connection, annotator, filter);
                queue.page(connection, annotator, filter, 0, 50);
                queue.indexOf(connection, annotator, filter, 3);
                queue.neighbour(connection, annotator, filter, 3, true);
                queue.neighbour(connection, annotator, filter, 3, false);
            }
            queue.nextUnfinished(connection, annotator, 3);
            PromptContentQuery.load(connection, 3);
            LabelStore.load(connection, LabelKind.RESPONSE_LABEL, 5, annotator);
            LabelStore.load(connection, LabelKind.PROMPT_LABEL, 3, annotator);
            LabelStore.load(connection, LabelKind.ADJUDICATION, 5, annotator);
            DoneMarks.isDone(connection, 3, annotator);
            DoneMarks.progress(connection, annotator);
        });

        assertThat(plans).isNotEmpty();
        plans.forEach((sql, plan) -> assertThat(plan).as(sql)
                .noneMatch(line -> SCAN_OF_BIG_TABLE.matcher(line).find())
                .noneMatch(line -> LABELS_OF_WHOLE_ANNOTATOR.matcher(line).find()));
    }

    @Test
    void reportQueriesReadLargeTablesInOnePassAndJoinThroughIndexes() throws Exception {
        Map<String, List<String>> plans = plansOf(connection -> {
            JudgementQuery.all(connection);
            ProjectFacets.read(connection);
        });

        plans.forEach((sql, plan) -> {
            long scans = plan.stream().filter(line -> ANY_SCAN.matcher(line).find()
                    && !line.contains("USING INDEX") && !line.contains("USING COVERING INDEX")).count();
            assertThat(scans).as("full scans in %s: %s", sql, plan).isLessThanOrEqualTo(1);
        });
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection connection) throws Exception;
    }

    /** Runs {@code work} on a connection that records SQLite's plan for every statement prepared on it. */
    private Map<String, List<String>> plansOf(Work work) throws Exception {
        Path file = new DemoProject(folder, "test").ensure();
        Map<String, List<String>> plans = new LinkedHashMap<>();
        try (ProjectDatabase database = ProjectFiles.open(file)) {
            database.read(connection -> {
                Connection recording = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement") && args.length >= 1
                                    && args[0] instanceof String sql && sql.stripLeading().toUpperCase().startsWith("SELECT")) {
                                plans.put(sql, plan(connection, sql));
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
                work.run(recording);
                return null;
            });
        }
        return plans;
    }

    private static List<String> plan(Connection connection, String sql) throws Exception {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql);
             ResultSet rows = explain.executeQuery()) {
            while (rows.next()) {
                lines.add(rows.getString("detail"));
            }
        }
        return lines;
    }
}
