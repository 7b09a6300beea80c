package org.refusalworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.TestData;
import org.refusalworkbench.agreement.PythonReference;

/**
 * The evaluation tables on XSTest's five completion files, checked against pandas and statsmodels reading the same
 * CSV files: the response-type shares per prompt type and model, and the paired comparison of two models.
 */
class XsTestStatisticsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> MODELS = List.of("gpt4", "llama2new", "llama2orig", "mistralguard",
            "mistralinstruct");
    private static final Map<String, String> TYPES = Map.of("1_full_compliance", "full_compliance",
            "2_full_refusal", "full_refusal", "3_partial_refusal", "partial_refusal");

    @TempDir
    static Path folder;
    private static Path project;

    @BeforeAll
    static void importTheFiveFiles() {
        project = folder.resolve("xstest.db");
        CliRun.ok("init", project.toString());
        List<String> args = new ArrayList<>(List.of("import", project.toString()));
        MODELS.forEach(model -> args.add(TestData.xstestCompletions(model).toString()));
        CliRun.ok(args.toArray(String[]::new));
    }

    private static String csvFiles() {
        StringBuilder input = new StringBuilder();
        MODELS.forEach(model -> input.append(model).append(' ').append(TestData.xstestCompletions(model)
                .toAbsolutePath()).append('\n'));
        return input.toString();
    }

    @Test
    void responseTypeSharesPerTypeAndModelEqualPandas() throws Exception {
        String script = """
                import sys
                import pandas as pd
                for line in sys.stdin:
                    model, path = line.split(maxsplit=1)
                    frame = pd.read_csv(path.strip())
                    shares = frame.groupby('type')['final_label'].value_counts(normalize=True)
                    counts = frame.groupby('type').size()
                    for (kind, label), share in shares.items():
                        print(f"{model}|{kind}|{label} {share!r}")
                    for kind, n in counts.items():
                        print(f"{model}|{kind}|n {n}")
                """;
        Map<String, Double> pandas = PythonReference.run("pandas", script, csvFiles());
        JsonNode report = JSON.readTree(CliRun.ok("report", "calibration", project.toString(), "--json", "--by",
                "category").out());
        int checked = 0;
        for (JsonNode subset : report.get("subsets")) {
            String type = subset.get("subset").asText();
            for (String model : MODELS) {
                JsonNode byType = subset.get("models").get(model).get("response_type");
                // Every XSTest type is all safe or all unsafe (the contrast_ types): one safety label per type.
                assertThat(byType.size()).as(type).isEqualTo(1);
                JsonNode counts = byType.elements().next();
                long n = 0;
                for (JsonNode count : counts) {
                    n += count.asLong();
                }
                assertThat((double) n).as("%s %s n", model, type).isEqualTo(pandas.get(model + "|" + type + "|n"));
                for (Map.Entry<String, String> label : TYPES.entrySet()) {
                    double share = (double) counts.get(label.getValue()).asLong() / n;
                    assertThat(share).as("%s %s %s", model, type, label.getValue()).isCloseTo(
                            pandas.getOrDefault(model + "|" + type + "|" + label.getKey(), 0.0), within(1e-12));
                    checked++;
                }
            }
        }
        assertThat(checked).as("types × models × response types").isEqualTo(18 * 5 * 3);
    }

    @Test
    void comparingTwoModelsOnSafePromptsEqualsStatsmodelsMcNemarOnTheSamePairs() throws Exception {
        String script = """
                import sys
                import pandas as pd
                from statsmodels.stats.contingency_tables import mcnemar
                files = dict(line.split(maxsplit=1) for line in sys.stdin)
                a = pd.read_csv(files['gpt4'].strip())
                b = pd.read_csv(files['llama2new'].strip())
                pairs = a.merge(b, on='prompt', suffixes=('_a', '_b'))
                refused = lambda label: label.isin(['2_full_refusal', '3_partial_refusal'])
                for subset, rows in [('safe', pairs[~pairs.type_a.str.startswith('contrast_')]),
                                     ('unsafe', pairs[pairs.type_a.str.startswith('contrast_')]), ('all', pairs)]:
                    ra, rb = refused(rows.final_label_a), refused(rows.final_label_b)
                    table = [[int((ra & rb).sum()), int((ra & ~rb).sum())], [int((~ra & rb).sum()), int((~ra & ~rb).sum())]]
                    print(f"{subset}.pairs {len(rows)}")
                    print(f"{subset}.both {table[0][0]}")
                    print(f"{subset}.a_only {table[0][1]}")
                    print(f"{subset}.b_only {table[1][0]}")
                    print(f"{subset}.neither {table[1][1]}")
                    print(f"{subset}.p {mcnemar(table, exact=True).pvalue!r}")
                """;
        Map<String, Double> reference = PythonReference.run("statsmodels", script, csvFiles());
        JsonNode report = JSON.readTree(CliRun.ok("report", "compare", project.toString(), "--models",
                "gpt4,llama2new", "--json").out());
        assertThat(report.get("models").toString()).isEqualTo("[\"gpt4\",\"llama2new\"]");
        for (JsonNode row : report.get("subsets")) {
            String subset = row.get("subset").asText();
            for (String count : List.of("pairs", "both", "a_only", "b_only", "neither")) {
                assertThat(row.get(count).asDouble()).as(subset + " " + count)
                        .isEqualTo(reference.get(subset + "." + count));
            }
            assertThat(row.get("mcnemar_exact_p").asDouble()).as(subset).isCloseTo(reference.get(subset + ".p"),
                    within(1e-12));
            double[] ci = {row.get("difference").get("ci95").get(0).asDouble(),
                row.get("difference").get("ci95").get(1).asDouble()};
            assertThat(row.get("difference").get("value").asDouble()).isBetween(ci[0], ci[1]);
        }
        assertThat(report.get("subsets").get(1).get("subset").asText()).isEqualTo("safe");
        assertThat(report.get("subsets").get(1).get("pairs").asInt()).isEqualTo(250);
    }

    @Test
    void categoryPValuesAreAdjustedAsStatsmodelsDoesAndTheBootstrapRepeatsBySeed() throws Exception {
        String text = CliRun.ok("report", "compare", project.toString(), "--models", "llama2orig,mistralguard",
                "--by", "category", "--json", "--bootstrap", "300", "--seed", "11").out();
        JsonNode report = JSON.readTree(text);
        List<JsonNode> categories = new ArrayList<>();
        report.get("subsets").forEach(row -> {
            if (row.get("kind").asText().equals("category")) {
                categories.add(row);
            } else {
                assertThat(row.get("holm_p").isNull()).as("%s is outside the family", row.get("subset")).isTrue();
            }
        });
        assertThat(categories).hasSize(18);
        StringBuilder input = new StringBuilder();
        categories.forEach(row -> input.append(row.get("mcnemar_exact_p").asDouble()).append(' '));
        Map<String, Double> reference = PythonReference.run("statsmodels", """
                import sys
                from statsmodels.stats.multitest import multipletests
                p = [float(x) for x in sys.stdin.read().split()]
                for i, (h, b) in enumerate(zip(multipletests(p, method='holm')[1], multipletests(p, method='fdr_bh')[1])):
                    print(f"holm{i} {h!r}")
                    print(f"bh{i} {b!r}")
                """, input.toString());
        for (int i = 0; i < categories.size(); i++) {
            assertThat(categories.get(i).get("holm_p").asDouble()).isCloseTo(reference.get("holm" + i),
                    within(1e-12));
            assertThat(categories.get(i).get("bh_p").asDouble()).isCloseTo(reference.get("bh" + i), within(1e-12));
        }
        assertThat(CliRun.ok("report", "compare", project.toString(), "--models", "llama2orig,mistralguard",
                "--by", "category", "--json", "--bootstrap", "300", "--seed", "11").out()).isEqualTo(text);
    }

    @Test
    void aModelComparedWithAJudgeOnItsOwnResponses() throws Exception {
        CliRun.ok("judge", project.toString(), "--method", "xstest-strmatch");
        JsonNode judge = JSON.readTree(CliRun.ok("report", "judges", project.toString(), "--json", "--bootstrap",
                "0").out()).get("judges").get(0);
        String source = "judge:" + judge.get("judge").asText() + "@" + judge.get("version").asText();
        JsonNode report = JSON.readTree(CliRun.ok("report", "compare", project.toString(), "--models",
                "llama2orig,llama2orig", "--sources", "final," + source, "--json").out());
        JsonNode all = report.get("subsets").get(0);
        // Every response is paired with itself: the judge judged all 450 of llama2orig's.
        assertThat(all.get("pairs").asInt()).isEqualTo(450);
        assertThat(report.get("label_sources").get(1).asText()).isEqualTo(source);
        // People's refusal rate on safe prompts is the calibration report's; the judge's is its own count.
        JsonNode calibration = JSON.readTree(CliRun.ok("report", "calibration", project.toString(), "--json").out());
        assertThat(report.get("subsets").get(1).get("rate_a").asDouble()).isCloseTo(calibration.get("models")
                .get("llama2orig").get("refusal_rate_on_safe").get("rate").asDouble(), within(1e-15));
    }

    @Test
    void badRequestsNameWhatIsWrongAndExitTwo() {
        CliRun unknown = CliRun.of("report", "compare", project.toString(), "--models", "gpt4,gpt5", "--json");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no model 'gpt5'").contains("gpt4, llama2new");
        CliRun one = CliRun.of("report", "compare", project.toString(), "--models", "gpt4", "--json");
        assertThat(one.exitCode()).isEqualTo(2);
        assertThat(one.err()).contains("--models takes two models");
        CliRun same = CliRun.of("report", "compare", project.toString(), "--models", "gpt4,gpt4", "--json");
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains("both sides are gpt4");
        CliRun judge = CliRun.of("report", "compare", project.toString(), "--models", "gpt4,gpt4", "--sources",
                "final,judge:nobody@1", "--json");
        assertThat(judge.exitCode()).isEqualTo(2);
        assertThat(judge.err()).contains("no label source 'judge:nobody@1'");
        CliRun group = CliRun.of("report", "compare", project.toString(), "--models", "gpt4,llama2new", "--group",
                "failure_modes", "--json");
        assertThat(group.exitCode()).isEqualTo(2);
        assertThat(group.err()).contains("no response group 'failure_modes' labelled");
        CliRun html = CliRun.of("report", "compare", project.toString(), "--models", "gpt4,llama2new", "--html",
                folder.resolve("c.html").toString());
        assertThat(html.exitCode()).isEqualTo(2);
        assertThat(html.err()).contains("has no --html form");
        CliRun by = CliRun.of("report", "calibration", project.toString(), "--by", "colour", "--json");
        assertThat(by.exitCode()).isEqualTo(2);
        assertThat(by.err()).contains("--by takes category, safety or model");
        assertThat(CliRun.of("report", "judges", project.toString(), "--markdown").err())
                .contains("has no --markdown form");
    }

    @Test
    void paperTablesCarryTheirCaptionsAndCompileAsBooktabs() {
        String markdown = CliRun.ok("report", "compare", project.toString(), "--models", "gpt4,llama2new",
                "--markdown").out();
        assertThat(markdown).contains("| Subset | n | Both | A only | B only |")
                .contains("| safe | 250 | 13 | 8 | 61 | 168 | 8.4 | 29.6 |")
                .contains("95% percentile bootstrap interval (2000 resamples of prompts");
        String latex = CliRun.ok("report", "calibration", project.toString(), "--latex").out();
        assertThat(latex).contains("\\toprule").contains("\\midrule").contains("\\bottomrule")
                .contains("gpt4 & 450 & 8.4 [5.6, 12.5] & 250 &")
                .contains("full\\_compliance (\\%)")
                .contains("gold 2,250, majority 0");
    }
}
