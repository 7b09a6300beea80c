package org.refusalworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.TestData;
import org.refusalworkbench.agreement.PythonReference;
import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.JudgeVerdict;
import org.refusalworkbench.judging.BuiltInJudges;
import org.refusalworkbench.storage.JudgeLabels;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;

/**
 * {@code judge} and {@code report judges} on XSTest's GPT-4 file: the string-match judge against XSTest's final
 * labels, every figure checked against a recount from the file itself and kappa against statsmodels.
 */
class JudgesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> XSTEST_LABELS = Map.of("1_full_compliance", "full_compliance",
            "2_full_refusal", "full_refusal", "3_partial_refusal", "partial_refusal");
    private static final String KAPPA_REFERENCE = String.join("\n",
            "import sys, json",
            "import numpy as np",
            "from statsmodels.stats.inter_rater import cohens_kappa",
            "res = cohens_kappa(np.array(json.load(sys.stdin), dtype=float))",
            "print('kappa', repr(float(res.kappa)))",
            "print('se', repr(float(res.std_kappa)))");

    @TempDir
    Path folder;

    @Test
    void theStringMatchJudgeAgainstXstestsFinalLabelsGivesTheFileOwnFigures() throws Exception {
        Path project = xstestProject();

        CliRun first = CliRun.of("judge", project.toString(), "--method", "xstest-strmatch");
        CliRun second = CliRun.of("judge", project.toString(), "--method", "xstest-strmatch");
        JsonNode report = JSON.readTree(CliRun.ok("report", "judges", project.toString(), "--json", "--bootstrap",
                "200").out()).get("judges").get(0);

        assertThat(first.out()).contains("judged 450 responses with xstest-strmatch@xstest@d7bb5bd")
                .contains("450 new labels");
        assertThat(second.out()).contains("0 new labels (450 already there)");
        // The same figures recounted from the CSV file with the rule applied to each completion.
        Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
        for (String reference : List.of("full_compliance", "full_refusal", "partial_refusal")) {
            Map<String, Long> row = new LinkedHashMap<>();
            for (String judged : List.of("full_compliance", "full_refusal", "partial_refusal", "unparsed")) {
                row.put(judged, 0L);
            }
            expected.put(reference, row);
        }
        for (Map<String, String> row : CliRun.csvRows(TestData.xstestCompletions("gpt4"))) {
            String judged = BuiltInJudges.XSTEST_STRMATCH.refuses(row.get("completion")) ? "full_refusal"
                    : "full_compliance";
            expected.get(XSTEST_LABELS.get(row.get("final_label"))).merge(judged, 1L, Long::sum);
        }
        assertThat(report.get("judge").asText()).isEqualTo("xstest-strmatch");
        assertThat(report.get("compared").asLong()).isEqualTo(450);
        assertThat(report.get("unparsed").asLong()).isZero();
        assertThat(report.get("confusion").toString()).isEqualTo(JSON.valueToTree(expected).toString());
        long agreed = expected.get("full_compliance").get("full_compliance")
                + expected.get("full_refusal").get("full_refusal");
        assertThat(report.get("percent_agreement").asDouble()).isCloseTo(agreed / 450.0, within(1e-12));
        double refusalPrecision = (double) expected.get("full_refusal").get("full_refusal")
                / (expected.get("full_refusal").get("full_refusal") + expected.get("full_compliance")
                .get("full_refusal") + expected.get("partial_refusal").get("full_refusal"));
        assertThat(report.get("per_class").get("full_refusal").get("precision").asDouble())
                .isCloseTo(refusalPrecision, within(1e-12));

        List<List<Long>> table = new ArrayList<>();
        for (Map<String, Long> row : expected.values()) {
            table.add(List.of(row.get("full_compliance"), row.get("full_refusal"), row.get("partial_refusal")));
        }
        Map<String, Double> statsmodels = PythonReference.run("statsmodels", KAPPA_REFERENCE,
                JSON.writeValueAsString(table));
        assertThat(report.get("cohen_kappa").get("value").asDouble()).isCloseTo(statsmodels.get("kappa"),
                within(1e-12));
        assertThat(report.get("cohen_kappa").get("se").asDouble()).isCloseTo(statsmodels.get("se"),
                within(1e-12));
        assertThat(report.get("cohen_kappa").get("ci95")).hasSize(2);
        assertThat(report.get("binary").get("compared").asLong()).isEqualTo(450);
        // XSTest's prompt types are the categories: their comparisons add up to the whole.
        long byCategory = 0;
        for (JsonNode category : report.get("by_category")) {
            byCategory += category.get("compared").asLong();
        }
        assertThat(report.get("by_category").size()).isGreaterThan(5);
        assertThat(byCategory).isEqualTo(450);
        assertThat(report.get("by_category").has("homonyms")).isTrue();
        assertThat(report.get("calibration").get("gpt4").get("refusal_rate_on_safe").has("difference")).isTrue();
    }

    @Test
    void judgesStayOutOfTheAnnotatorsAndAnUnparsedOutputIsCountedNotGuessed() throws Exception {
        Path project = xstestProject();
        CliRun.ok("judge", project.toString(), "--method", "gcg-keywords");
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            long firstResponse = database.read(connection -> {
                try (var query = connection.prepareStatement("SELECT min(id) FROM response");
                     var rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
            database.writer().run(connection -> JudgeLabels.save(connection, new Judge("llm", "prompt-v1"),
                    List.of(new JudgeVerdict(firstResponse, "I'm sorry, but I can't assist with that.", null))));
        }

        JsonNode agreement = JSON.readTree(CliRun.ok("report", "agreement", project.toString(), "--json").out());
        JsonNode stats = JSON.readTree(CliRun.ok("stats", project.toString(), "--json").out());
        JsonNode judges = JSON.readTree(CliRun.ok("report", "judges", project.toString(), "--json", "--bootstrap", "0")
                .out()).get("judges");

        assertThat(agreement.get("annotators")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("xstest-annotator-1", "xstest-annotator-2");
        assertThat(stats.get("annotators").asInt()).isEqualTo(2);
        assertThat(judges).hasSize(2);
        JsonNode llm = judges.get(1);
        assertThat(llm.get("judge").asText()).isEqualTo("llm");
        assertThat(llm.get("compared").asLong()).isEqualTo(1);
        assertThat(llm.get("unparsed").asLong()).isEqualTo(1);
        assertThat(llm.get("percent_agreement").isNull()).isTrue();
        long unparsedColumn = 0;
        for (JsonNode row : llm.get("confusion")) {
            unparsedColumn += row.get("unparsed").asLong();
        }
        assertThat(unparsedColumn).isEqualTo(1);
    }

    @Test
    void theLongTableHoldsTheJsonsFiguresOneRowEach() throws Exception {
        Path project = xstestProject();
        CliRun.ok("judge", project.toString(), "--method", "xstest-strmatch");

        JsonNode judge = JSON.readTree(CliRun.ok("report", "judges", project.toString(), "--json", "--bootstrap",
                "50").out()).get("judges").get(0);
        String csv = CliRun.ok("report", "judges", project.toString(), "--csv", "--bootstrap", "50").out();
        Path file = Files.writeString(folder.resolve("judges.csv"), csv);
        List<Map<String, String>> rows = CliRun.csvRows(file);

        assertThat(csv).startsWith("judge,version,group,scope,metric,value,se,ci_low,ci_high,n\n");
        assertThat(value(rows, "all", "cohen_kappa")).isEqualTo(judge.get("cohen_kappa").get("value").asDouble());
        assertThat(value(rows, "all", "percent_agreement")).isEqualTo(judge.get("percent_agreement").asDouble());
        assertThat(value(rows, "binary", "cohen_kappa")).isEqualTo(judge.get("binary").get("cohen_kappa")
                .get("value").asDouble());
        assertThat(value(rows, "all", "confusion:full_refusal:full_compliance")).isEqualTo(judge.get("confusion")
                .get("full_refusal").get("full_compliance").asDouble());
        assertThat(value(rows, "model:gpt4", "compared")).isEqualTo(450.0);
        assertThat(rows).anyMatch(row -> row.get("scope").equals("calibration:model:gpt4")
                && row.get("metric").equals("refusal_rate_on_safe.judge") && !row.get("ci_low").isEmpty());
    }

    @Test
    void theLabelTableCarriesJudgeLabelsAsRowsOfTheirOwnKind() throws Exception {
        Path project = xstestProject();
        CliRun.ok("judge", project.toString(), "--method", "xstest-strmatch");
        Path table = folder.resolve("table.jsonl");
        Path annotatorOnly = folder.resolve("annotator.jsonl");

        CliRun.ok("export", project.toString(), "--format", "label-table", "-o", table.toString());
        CliRun.ok("export", project.toString(), "--format", "label-table", "--annotator", "xstest-annotator-1",
                "-o", annotatorOnly.toString());

        List<JsonNode> judged = new ArrayList<>();
        for (String line : Files.readAllLines(table)) {
            JsonNode row = JSON.readTree(line);
            if (row.get("kind").asText().equals("judge")) {
                judged.add(row);
            }
        }
        assertThat(judged).hasSize(450).allSatisfy(row -> {
            assertThat(row.get("person").asText()).isEqualTo("xstest-strmatch@xstest@d7bb5bd");
            assertThat(row.get("response_type.answered").asBoolean()).isTrue();
            assertThat(row.get("response_type.full_refusal").asBoolean())
                    .isEqualTo(row.get("note").asText().equals("full_refusal"));
        });
        assertThat(Files.readAllLines(annotatorOnly)).noneMatch(line -> line.contains("\"kind\":\"judge\""));
    }

    @Test
    void aJudgeCanBeComparedWithOneAnnotatorOrWithAnotherJudge() throws Exception {
        Path project = xstestProject();
        CliRun.ok("judge", project.toString(), "--method", "xstest-strmatch");
        CliRun.ok("judge", project.toString(), "--method", "gcg-keywords");

        JsonNode byAnnotator = JSON.readTree(CliRun.ok("report", "judges", project.toString(), "--json",
                "--bootstrap", "0", "--against", "annotator:xstest-annotator-1").out());
        JsonNode byJudge = JSON.readTree(CliRun.ok("report", "judges", project.toString(), "--json",
                "--bootstrap", "0", "--against", "judge:gcg-keywords").out());
        CliRun unknown = CliRun.of("report", "judges", project.toString(), "--json", "--against", "judge:gpt9");

        long agreed = 0;
        for (Map<String, String> row : CliRun.csvRows(TestData.xstestCompletions("gpt4"))) {
            String judged = BuiltInJudges.XSTEST_STRMATCH.refuses(row.get("completion")) ? "full_refusal"
                    : "full_compliance";
            agreed += judged.equals(XSTEST_LABELS.get(row.get("annotation_1"))) ? 1 : 0;
        }
        JsonNode strmatch = byAnnotator.get("judges").get(0);
        assertThat(byAnnotator.get("reference").asText()).startsWith("annotator:xstest-annotator-1");
        assertThat(strmatch.get("compared").asLong()).isEqualTo(450);
        assertThat(strmatch.get("percent_agreement").asDouble()).isCloseTo(agreed / 450.0, within(1e-12));
        assertThat(byJudge.get("judges")).hasSize(1);
        assertThat(byJudge.get("judges").get(0).get("judge").asText()).isEqualTo("xstest-strmatch");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no judge 'gpt9' (judges: xstest-strmatch@xstest@d7bb5bd,"
                + " gcg-keywords@llm-attacks@test_prefixes)");
    }

    @Test
    void withJudgesAJudgeIsOneMoreRaterInTheAgreementAndTheMajoritiesAndOnlyThen() throws Exception {
        Path project = xstestProject();
        CliRun.ok("judge", project.toString(), "--method", "xstest-strmatch");
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            database.writer().run(connection -> connection.createStatement().executeUpdate(
                    "DELETE FROM adjudication_selection; DELETE FROM adjudication"));
        }
        String judge = "judge:xstest-strmatch@xstest@d7bb5bd";

        JsonNode people = JSON.readTree(CliRun.ok("report", "agreement", project.toString(), "--json").out());
        JsonNode withJudge = JSON.readTree(CliRun.ok("report", "agreement", project.toString(), "--json",
                "--with-judges").out());
        JsonNode judged = JSON.readTree(CliRun.ok("report", "judges", project.toString(), "--json", "--bootstrap",
                "0", "--against", "annotator:xstest-annotator-1").out()).get("judges").get(0);
        List<JsonNode> finalPeople = jsonLines(CliRun.ok("report", "final-labels", project.toString()).out());
        List<JsonNode> finalWithJudge = jsonLines(CliRun.ok("report", "final-labels", project.toString(),
                "--with-judges").out());

        assertThat(people.get("annotators").toString()).doesNotContain("judge:");
        assertThat(withJudge.get("annotators").toString()).contains(judge);
        JsonNode pair = null;
        for (JsonNode candidate : withJudge.get("pairwise").get("response_type").get("pairs")) {
            if (candidate.get("raters").toString().equals("[\"" + judge + "\",\"xstest-annotator-1\"]")) {
                pair = candidate;
            }
        }
        assertThat(pair).isNotNull();
        assertThat(pair.get("cohen_kappa").get("value").asDouble()).isCloseTo(
                judged.get("cohen_kappa").get("value").asDouble(), within(1e-12));
        // Two annotators who disagree tie; the judge's vote decides where it sides with one of them.
        int decidedByTheJudge = 0;
        for (int i = 0; i < finalPeople.size(); i++) {
            JsonNode before = finalPeople.get(i).get("labels").get("response_type");
            JsonNode after = finalWithJudge.get(i).get("labels").get("response_type");
            JsonNode verdict = finalPeople.get(i).get("judges").get(0).get("selections").get("response_type")
                    .get(0);
            if (!before.get("source").asText().equals("tie")) {
                assertThat(after.get("options")).isEqualTo(before.get("options"));
                continue;
            }
            boolean sides = before.get("options").toString().contains(verdict.toString());
            assertThat(after.get("source").asText()).isEqualTo(sides ? "majority" : "tie");
            if (sides) {
                assertThat(after.get("options").toString()).isEqualTo("[" + verdict + "]");
                decidedByTheJudge++;
            }
        }
        assertThat(decidedByTheJudge).isPositive();
    }

    private static List<JsonNode> jsonLines(String text) {
        return text.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
    }

    @Test
    void theHtmlReportIsOneSelfContainedPageWithTheJsonsFigures() throws Exception {
        Path project = xstestProject();
        CliRun.ok("judge", project.toString(), "--method", "xstest-strmatch");
        Path page = folder.resolve("judges.html");

        CliRun written = CliRun.ok("report", "judges", project.toString(), "--html", page.toString(), "--bootstrap",
                "100");
        JsonNode report = JSON.readTree(CliRun.ok("report", "judges", project.toString(), "--json", "--bootstrap",
                "100").out()).get("judges").get(0);
        CliRun unwritable = CliRun.of("report", "judges", project.toString(), "--html",
                folder.resolve("no-such-folder/judges.html").toString());

        String html = Files.readString(page);
        assertThat(written.out().strip()).isEqualTo("wrote " + page);
        assertThat(html).startsWith("<!doctype html>").doesNotContain("<script", "http://", "https://")
                .contains("<h2>xstest-strmatch@xstest@d7bb5bd</h2>")
                .contains(String.format(java.util.Locale.ROOT, "%.3f", report.get("cohen_kappa").get("value")
                        .asDouble()))
                .contains(String.format(java.util.Locale.ROOT, "[%.3f, %.3f]", report.get("cohen_kappa").get("ci95")
                        .get(0).asDouble(), report.get("cohen_kappa").get("ci95").get(1).asDouble()))
                .contains("<td class=agreed>" + report.get("confusion").get("full_refusal").get("full_refusal")
                        .asLong() + "</td>")
                .contains("Per prompt category").contains("How much the judge misstates");
        assertThat(unwritable.exitCode()).isEqualTo(2);
        assertThat(unwritable.err()).contains("no-such-folder");
    }

    @Test
    void aGroupOtherThanTheResponseTypeMustBeASingleChoiceResponseGroup() throws Exception {
        Path project = xstestProject();
        CliRun.ok("judge", project.toString(), "--method", "xstest-strmatch");

        JsonNode explicit = JSON.readTree(CliRun.ok("report", "judges", project.toString(), "--json",
                "--bootstrap", "0", "--group", "response_type").out()).get("judges").get(0);
        JsonNode byDefault = JSON.readTree(CliRun.ok("report", "judges", project.toString(), "--json",
                "--bootstrap", "0").out()).get("judges").get(0);
        CliRun checkboxes = CliRun.of("report", "judges", project.toString(), "--json", "--group", "failure_modes");
        CliRun unknown = CliRun.of("report", "judges", project.toString(), "--csv", "--group", "tone");

        assertThat(explicit).isEqualTo(byDefault);
        assertThat(checkboxes.exitCode()).isEqualTo(2);
        assertThat(checkboxes.err()).contains("group 'failure_modes' is multiple choice");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no group 'tone' in the taxonomy (groups: response_type, refusal_type,"
                + " failure_modes, refusal_quality)");
        assertThat(unknown.out()).isEmpty();
    }

    private static double value(List<Map<String, String>> rows, String scope, String metric) {
        return rows.stream().filter(row -> row.get("scope").equals(scope) && row.get("metric").equals(metric))
                .map(row -> Double.parseDouble(row.get("value"))).findFirst().orElseThrow();
    }

    @Test
    void anUnknownMethodIsNamedWithTheOnesThereAre() throws Exception {
        CliRun result = CliRun.of("judge", xstestProject().toString(), "--method", "regex");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: unknown method 'regex' (use xstest-strmatch,"
                + " gcg-keywords or keywords --list FILE)");
    }

    private Path xstestProject() {
        Path project = folder.resolve("xstest-" + System.nanoTime() + ".db");
        CliRun.ok("init", project.toString());
        CliRun.ok("import", project.toString(), TestData.xstestCompletions("gpt4").toString());
        return project;
    }


}
