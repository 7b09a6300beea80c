package org.refusalworkbench.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.agreement.AgreementReport;
import org.refusalworkbench.agreement.MeasurementLevel;
import org.refusalworkbench.agreement.Metric;
import org.refusalworkbench.agreement.MetricResult;
import org.refusalworkbench.agreement.RatingTable;
import org.refusalworkbench.agreement.ReportOptions;
import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.JudgeVerdict;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.report.Consensus;
import org.refusalworkbench.report.JudgeReport;
import org.refusalworkbench.storage.JudgeLabels;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;
import org.refusalworkbench.taxonomy.TaxonomyReader;

/**
 * The judge report reads columns of option codes, not whole labels. On random projects with everything that makes
 * a consensus hard (ties, gold that overrides or leaves the group open, option ids the taxonomy no longer has,
 * deleted responses, a judge with two options, unparsed outputs, a group asked only of refusals) its figures must
 * be the ones computed from whole labels with {@link Consensus#decide} and the agreement engine.
 */
class JudgeReportColumnsTest {

    private static final List<String> TYPES = List.of("full_compliance", "full_refusal", "partial_refusal");
    private static final List<String> REASONS = List.of("safety", "capability", "policy");

    @TempDir
    Path folder;

    @Test
    void theColumnsGiveTheWholeLabelFiguresOnEveryGroupAndReference() throws Exception {
        for (int seed = 1; seed <= 4; seed++) {
            Path file = randomProject(seed);
            try (ProjectDatabase database = ProjectFiles.open(file)) {
                ProjectReports reports = ProjectReports.of(database);
                for (String group : List.of("response_type", "tone", "refusal_reason")) {
                    for (String against : List.of("final", "annotator:a2", "judge:second")) {
                        ReportOptions options = ReportOptions.defaults().withBootstrap(seed == 1 ? 150 : 0)
                                .withSeed(seed);
                        List<JudgeReport.JudgeFigures> fast = reports.judges(against, group, options).figures();
                        Map<Judge, Map<String, Map<String, Map<String, Long>>>> expected = expectedConfusions(database, reports,
                                group, against);
                        String scope = "seed " + seed + ", " + group + " against " + against;
                        assertThat(fast).as(scope).hasSize(expected.size());
                        for (JudgeReport.JudgeFigures figures : fast) {
                            assertThat(figures.group()).isEqualTo(group);
                            assertThat(figures.figures().confusion()).as(scope + ", " + figures.judge())
                                    .isEqualTo(expected.get(figures.judge()).get("all"));
                            figures.byModel().forEach((model, byModel) -> assertThat(byModel.confusion())
                                    .as(scope + ", model " + model).isEqualTo(expected.get(figures.judge())
                                            .get("model:" + model)));
                            figures.byCategory().forEach((category, byCategory) -> assertThat(
                                    byCategory.confusion()).as(scope + ", category " + category)
                                    .isEqualTo(expected.get(figures.judge()).get("category:" + category)));
                            assertThat(figures.byModel().size() + figures.byCategory().size()).as(scope)
                                    .isEqualTo(expected.get(figures.judge()).size() - 1);
                            assertKappaOfTheAgreementEngine(figures.figures(), options, scope);
                            assertThat(figures.binary() == null).as(scope).isEqualTo(!group.equals("response_type"));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aMultipleChoiceOrPromptGroupOrAnUnknownNameIsRefusedWithTheReason() throws Exception {
        Path file = randomProject(9);
        try (ProjectDatabase database = ProjectFiles.open(file)) {
            ProjectReports reports = ProjectReports.of(database);
            ReportOptions options = ReportOptions.defaults().withBootstrap(0);
            assertThatThrownBy(() -> reports.judges("final", "flags", options))
                    .hasMessageContaining("group 'flags' is multiple choice");
            assertThatThrownBy(() -> reports.judges("final", "user_intent", options))
                    .hasMessageContaining("group 'user_intent' is a prompt group");
            assertThatThrownBy(() -> reports.judges("final", "nonsense", options))
                    .hasMessageContaining("no group 'nonsense'").hasMessageContaining("response_type, tone");
            assertThatThrownBy(() -> reports.judges("annotator:nobody", null, options))
                    .hasMessageContaining("no annotator 'nobody'");
        }
    }

    /** Kappa of the pairs the report compared, from a rating table in the same unit order. */
    private static void assertKappaOfTheAgreementEngine(JudgeReport.Figures figures, ReportOptions options,
                                                        String scope) {
        List<String> classes = new ArrayList<>(figures.confusion().keySet());
        RatingTable.Builder table = RatingTable.builder(MeasurementLevel.NOMINAL).categories(classes);
        int unit = 0;
        long parsed = 0;
        for (Map.Entry<String, Map<String, Long>> row : figures.confusion().entrySet()) {
            for (Map.Entry<String, Long> cell : row.getValue().entrySet()) {
                if (cell.getKey().equals(JudgeReport.UNPARSED)) {
                    continue;
                }
                for (long i = 0; i < cell.getValue(); i++) {
                    String name = String.format("u%07d", unit++);
                    table.add(name, "reference", row.getKey()).add(name, "judge", cell.getKey());
                    parsed++;
                }
            }
        }
        if (parsed < 2) {
            assertThat(figures.kappa().value()).as(scope).isNull();
            return;
        }
        MetricResult kappa = AgreementReport.compute(table.build(), options.withBootstrap(0))
                .metric(Metric.COHEN_KAPPA).orElseThrow();
        if (kappa.value() == null) {
            assertThat(figures.kappa().value()).as(scope).isNull();
        } else {
            assertThat(figures.kappa().value()).as(scope).isCloseTo(kappa.value(), within(1e-12));
            assertThat(figures.kappa().standardError()).as(scope).isCloseTo(kappa.standardError(), within(1e-12));
        }
        if (options.bootstrapResamples() > 0 && figures.kappa().value() != null) {
            assertThat(figures.kappa().low()).as(scope).isNotNull().isLessThanOrEqualTo(figures.kappa().high());
        }
    }

    /** Per judge and scope ("all", "model:M", "category:C"), the confusion counted from whole labels. */
    private static Map<Judge, Map<String, Map<String, Map<String, Long>>>> expectedConfusions(
            ProjectDatabase database, ProjectReports reports, String groupId, String against) {
        TaxonomyGroup group = reports.taxonomy().group(groupId).orElseThrow();
        List<String> classes = group.options().stream().map(TaxonomyOption::id).toList();
        List<ResponseJudgements> responses = reports.judgements();
        Map<Judge, Map<Long, JudgeVerdict>> judges = database.read(JudgeLabels::all);
        Map<Long, String> categories = database.read(JudgeLabels::categories);
        Map<Judge, Map<String, Map<String, Map<String, Long>>>> expected = new LinkedHashMap<>();
        for (Map.Entry<Judge, Map<Long, JudgeVerdict>> judge : judges.entrySet()) {
            if (against.equals("judge:" + judge.getKey().name())) {
                continue;
            }
            Map<String, Map<String, Map<String, Long>>> scopes = new TreeMap<>();
            scopes.put("all", empty(classes));
            for (ResponseJudgements response : responses) {
                JudgeVerdict verdict = judge.getValue().get(response.responseId());
                String reference = reference(response, group, against, judges);
                if (verdict == null || reference == null || !classes.contains(reference)) {
                    continue;
                }
                String judged = JudgeReport.UNPARSED;
                if (verdict.parsed()) {
                    Set<String> chosen = verdict.selections().options(groupId);
                    judged = chosen.size() == 1 && classes.contains(chosen.iterator().next())
                            ? chosen.iterator().next() : JudgeReport.UNPARSED;
                }
                List<String> keys = new ArrayList<>(List.of("all", "model:" + response.model()));
                if (categories.containsKey(response.responseId())) {
                    keys.add("category:" + categories.get(response.responseId()));
                }
                for (String key : keys) {
                    scopes.computeIfAbsent(key, k -> empty(classes)).get(reference).merge(judged, 1L, Long::sum);
                }
            }
            expected.put(judge.getKey(), scopes);
        }
        return expected;
    }

    private static String reference(ResponseJudgements response, TaxonomyGroup group, String against,
                                    Map<Judge, Map<Long, JudgeVerdict>> judges) {
        if (against.equals("final")) {
            Consensus.Decision decision = Consensus.decide(response, group);
            return decision.isDecided() && decision.options().size() == 1 ? decision.options().iterator().next()
                    : null;
        }
        if (against.startsWith("annotator:")) {
            var selections = response.byAnnotator().get(against.substring("annotator:".length()));
            Set<String> chosen = selections == null ? Set.of() : selections.options(group.id());
            return chosen.size() == 1 ? chosen.iterator().next() : null;
        }
        String name = against.substring("judge:".length());
        JudgeVerdict verdict = judges.entrySet().stream().filter(judge -> judge.getKey().name().equals(name))
                .findFirst().orElseThrow().getValue().get(response.responseId());
        if (verdict == null || !verdict.parsed()) {
            return null;
        }
        Set<String> chosen = verdict.selections().options(group.id());
        return chosen.size() == 1 ? chosen.iterator().next() : null;
    }

    private static Map<String, Map<String, Long>> empty(List<String> classes) {
        Map<String, Map<String, Long>> confusion = new LinkedHashMap<>();
        for (String reference : classes) {
            Map<String, Long> row = new LinkedHashMap<>();
            classes.forEach(judged -> row.put(judged, 0L));
            row.put(JudgeReport.UNPARSED, 0L);
            confusion.put(reference, row);
        }
        return confusion;
    }

    private Path randomProject(int seed) throws Exception {
        Path taxonomy = folder.resolve("taxonomy-" + seed + ".json");
        Files.writeString(taxonomy, TAXONOMY);
        Path file = folder.resolve("random-" + seed + ".db");
        ProjectFiles.create(file, new TaxonomyReader().read(taxonomy), "test").close();
        Random random = new Random(seed);
        try (Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                for (int a = 1; a <= 4; a++) {
                    sql.executeUpdate("INSERT INTO annotator (id, name, created_at) VALUES (" + a + ", 'a" + a
                            + "', '2026-01-01T00:00:00Z')");
                }
                sql.executeUpdate("INSERT INTO judge (id, name, version) VALUES (1, 'first', 'v1'), (2, 'second',"
                        + " 'v1')");
            }
            int prompts = 40 + random.nextInt(40);
            try (PreparedStatement prompt = connection.prepareStatement("INSERT INTO prompt (id, uid, external_id,"
                    + " text, category, safety) VALUES (?, randomblob(16), ?, ?, ?, ?)");
                 PreparedStatement response = connection.prepareStatement("INSERT INTO response (id, uid,"
                         + " prompt_id, model, sample, text) VALUES (?, randomblob(16), ?, ?, 1, 'text')");
                 PreparedStatement label = connection.prepareStatement("INSERT INTO label (id, response_id,"
                         + " annotator_id, created_at, updated_at) VALUES (?, ?, ?, 't', 't')");
                 PreparedStatement selection = connection.prepareStatement("INSERT INTO label_selection"
                         + " (label_id, group_id, option_id) VALUES (?, ?, ?)");
                 PreparedStatement adjudication = connection.prepareStatement("INSERT INTO adjudication (id,"
                         + " response_id, reviewer_id, created_at, updated_at) VALUES (?, ?, 1, 't', 't')");
                 PreparedStatement gold = connection.prepareStatement("INSERT INTO adjudication_selection"
                         + " (adjudication_id, group_id, option_id) VALUES (?, ?, ?)");
                 PreparedStatement verdict = connection.prepareStatement("INSERT INTO judge_label (id,"
                         + " response_id, judge_id, raw, parsed, created_at) VALUES (?, ?, ?, 'raw', ?, 't')");
                 PreparedStatement judgeSelection = connection.prepareStatement("INSERT INTO judge_selection"
                         + " (judge_label_id, group_id, option_id) VALUES (?, ?, ?)")) {
                long responseId = 0;
                long labelId = 0;
                long verdictId = 0;
                for (int p = 1; p <= prompts; p++) {
                    prompt.setLong(1, p);
                    prompt.setString(2, "p" + p);
                    prompt.setString(3, "prompt " + p);
                    prompt.setString(4, random.nextInt(5) == 0 ? null : "cat-" + random.nextInt(4));
                    prompt.setString(5, List.of("safe", "unsafe", "unknown").get(random.nextInt(3)));
                    prompt.executeUpdate();
                    for (int m = 1; m <= 3; m++) {
                        responseId += 1 + (random.nextInt(6) == 0 ? 3 : 0);
                        response.setLong(1, responseId);
                        response.setLong(2, p);
                        response.setString(3, "model-" + m);
                        response.executeUpdate();
                        for (int a = 1; a <= 4; a++) {
                            if (random.nextInt(5) == 0) {
                                continue;
                            }
                            label.setLong(1, ++labelId);
                            label.setLong(2, responseId);
                            label.setLong(3, a);
                            label.executeUpdate();
                            String type = pick(random, TYPES, "withdrawn_option");
                            if (type != null) {
                                add(selection, labelId, "response_type", type);
                            }
                            if (type != null && !type.equals("full_compliance") || random.nextInt(6) == 0) {
                                String reason = pick(random, REASONS, null);
                                if (reason != null) {
                                    add(selection, labelId, "refusal_reason", reason);
                                }
                            }
                            String tone = pick(random, List.of("warm", "cold"), null);
                            if (tone != null) {
                                add(selection, labelId, "tone", tone);
                            }
                        }
                        if (random.nextInt(6) == 0) {
                            adjudication.setLong(1, responseId);
                            adjudication.setLong(2, responseId);
                            adjudication.executeUpdate();
                            if (random.nextInt(4) != 0) {
                                add(gold, responseId, "response_type", TYPES.get(random.nextInt(3)));
                                add(gold, responseId, "tone", "warm");
                            }
                        }
                        for (int j = 1; j <= 2; j++) {
                            if (random.nextInt(7) == 0) {
                                continue;
                            }
                            boolean parsed = random.nextInt(8) != 0;
                            verdict.setLong(1, ++verdictId);
                            verdict.setLong(2, responseId);
                            verdict.setLong(3, j);
                            verdict.setInt(4, parsed ? 1 : 0);
                            verdict.executeUpdate();
                            if (parsed) {
                                int type = random.nextInt(3);
                                add(judgeSelection, verdictId, "response_type", TYPES.get(type));
                                if (random.nextInt(15) == 0) {
                                    add(judgeSelection, verdictId, "response_type", TYPES.get((type + 1) % 3));
                                }
                                add(judgeSelection, verdictId, "refusal_reason", REASONS.get(random.nextInt(3)));
                                if (random.nextBoolean()) {
                                    add(judgeSelection, verdictId, "tone", random.nextBoolean() ? "warm" : "cold");
                                }
                            }
                        }
                    }
                }
            }
            connection.commit();
        }
        return file;
    }

    /** An option of the list, now and then one the taxonomy does not have, or none. */
    private static String pick(Random random, List<String> options, String unknown) {
        int roll = random.nextInt(12);
        if (roll == 0) {
            return null;
        }
        if (roll == 1 && unknown != null) {
            return unknown;
        }
        return options.get(random.nextInt(options.size()));
    }

    private static void add(PreparedStatement insert, long id, String group, String option) throws Exception {
        insert.setLong(1, id);
        insert.setString(2, group);
        insert.setString(3, option);
        insert.executeUpdate();
    }

    private static final String TAXONOMY = """
            {
             "format": "refusal-workbench-taxonomy",
             "id": "judge-columns",
             "version": "1",
             "name": "Columns",
             "groups": [
              {
               "id": "user_intent",
               "label": "user_intent",
               "definition": "The user_intent.",
               "level": "prompt",
               "kind": "single",
               "options": [
                {
                 "id": "benign",
                 "label": "benign",
                 "hotkey": "1",
                 "definition": "The option benign."
                },
                {
                 "id": "harmful",
                 "label": "harmful",
                 "hotkey": "2",
                 "definition": "The option harmful."
                }
               ]
              },
              {
               "id": "response_type",
               "label": "response_type",
               "definition": "The response_type.",
               "level": "response",
               "kind": "single",
               "role": "response_type",
               "options": [
                {
                 "id": "full_compliance",
                 "label": "full_compliance",
                 "hotkey": "3",
                 "definition": "The option full_compliance.",
                 "role": "compliance"
                },
                {
                 "id": "full_refusal",
                 "label": "full_refusal",
                 "hotkey": "4",
                 "definition": "The option full_refusal.",
                 "role": "refusal"
                },
                {
                 "id": "partial_refusal",
                 "label": "partial_refusal",
                 "hotkey": "5",
                 "definition": "The option partial_refusal.",
                 "role": "partial_refusal"
                }
               ]
              },
              {
               "id": "tone",
               "label": "tone",
               "definition": "The tone.",
               "level": "response",
               "kind": "single",
               "options": [
                {
                 "id": "warm",
                 "label": "warm",
                 "hotkey": "6",
                 "definition": "The option warm."
                },
                {
                 "id": "cold",
                 "label": "cold",
                 "hotkey": "7",
                 "definition": "The option cold."
                }
               ]
              },
              {
               "id": "refusal_reason",
               "label": "refusal_reason",
               "definition": "The refusal_reason.",
               "level": "response",
               "kind": "single",
               "applies_when": {
                "response_type": [
                 "full_refusal",
                 "partial_refusal"
                ]
               },
               "options": [
                {
                 "id": "safety",
                 "label": "safety",
                 "hotkey": "8",
                 "definition": "The option safety."
                },
                {
                 "id": "capability",
                 "label": "capability",
                 "hotkey": "9",
                 "definition": "The option capability."
                },
                {
                 "id": "policy",
                 "label": "policy",
                 "hotkey": "q",
                 "definition": "The option policy."
                }
               ]
              },
              {
               "id": "flags",
               "label": "flags",
               "definition": "The flags.",
               "level": "response",
               "kind": "multiple",
               "options": [
                {
                 "id": "leak",
                 "label": "leak",
                 "hotkey": "w",
                 "definition": "The option leak."
                }
               ]
              }
             ],
             "rules": []
            }
            """;
}
