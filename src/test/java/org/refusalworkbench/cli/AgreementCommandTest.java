package org.refusalworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.agreement.AgreementReport;
import org.refusalworkbench.agreement.CategoryAgreement;
import org.refusalworkbench.agreement.MeasurementLevel;
import org.refusalworkbench.agreement.Metric;
import org.refusalworkbench.agreement.PairwiseKappa;
import org.refusalworkbench.agreement.RatingTable;
import org.refusalworkbench.agreement.ReportOptions;
import picocli.CommandLine;

class AgreementCommandTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        CommandLine cli = new CommandLine(new AgreementCommand());
        cli.setOut(new PrintWriter(outText));
        cli.setErr(new PrintWriter(errText));
        int code = cli.execute(args);
        out = outText.toString();
        err = errText.toString();
        return code;
    }

    private Path csv(String content) throws IOException {
        Path file = dir.resolve("ratings.csv");
        Files.writeString(file, content);
        return file;
    }

    /** Krippendorff (2011) 4 observers × 12 units as unit,rater,value rows, missing ratings as absent rows or empty values. */
    private Path krippendorffFile() throws IOException {
        String[] raters = {"1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3", ". 3 3 3 2 3 4 2 2 5 1 .", "1 2 3 3 2 4 4 1 2 5 1 ."};
        StringBuilder text = new StringBuilder("unit,rater,value\n");
        for (int g = 0; g < raters.length; g++) {
            String[] values = raters[g].split(" ");
            for (int u = 0; u < values.length; u++) {
                if (!values[u].equals(".")) {
                    text.append("u").append(u + 1).append(",obs").append((char) ('A' + g)).append(',').append(values[u]).append('\n');
                } else if (u % 2 == 0) {
                    text.append("u").append(u + 1).append(",obs").append((char) ('A' + g)).append(",\n");
                }
            }
        }
        return csv(text.toString());
    }

    @Test
    void jsonHasTheDocumentedShapeAndFullPrecisionValues() throws IOException {
        int code = run("--ratings", krippendorffFile().toString(), "--level", "interval", "--json", "--bootstrap", "200", "--seed", "5");
        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out);
        assertThat(json.get("units").asInt()).isEqualTo(12);
        assertThat(json.get("raters").asInt()).isEqualTo(4);
        assertThat(json.get("level").asText()).isEqualTo("interval");
        JsonNode metrics = json.get("metrics");
        assertThat(metrics.fieldNames()).toIterable().containsExactly("percent_agreement", "fleiss_kappa", "conger_kappa",
                "krippendorff_alpha", "gwet_ac2", "brennan_prediger");
        JsonNode alpha = metrics.get("krippendorff_alpha");
        assertThat(alpha.get("value").asDouble()).isCloseTo(0.849, within(5e-4));
        assertThat(alpha.get("ci95")).hasSize(2);
        assertThat(json.get("warnings").isArray()).isTrue();
    }

    @Test
    void jsonValuesEqualTheLibraryBitForBit() throws IOException {
        Path file = krippendorffFile();
        run("--ratings", file.toString(), "--json", "--bootstrap", "0");
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL);
        for (Map<String, String> row : rows(file)) {
            if (!row.get("value").isEmpty()) {
                builder.add(row.get("unit"), row.get("rater"), row.get("value"));
            }
        }
        AgreementReport report = AgreementReport.compute(builder.build(), ReportOptions.defaults().withBootstrap(0));
        JsonNode fleiss = new ObjectMapper().readTree(out).get("metrics").get("fleiss_kappa");
        assertThat(fleiss.get("value").asDouble()).isEqualTo(report.metric(Metric.FLEISS_KAPPA).orElseThrow().value());
        assertThat(fleiss.get("se").asDouble()).isEqualTo(report.metric(Metric.FLEISS_KAPPA).orElseThrow().standardError());
        assertThat(fleiss.get("ci95").isNull()).isTrue();
    }

    @Test
    void jsonGivesEachCategoryAndRaterPairAValueStandardErrorAndInterval() throws IOException {
        Path file = krippendorffFile();
        assertThat(run("--ratings", file.toString(), "--categories", "1,2,3,4,5,6", "--json", "--bootstrap", "200",
                "--seed", "5")).isZero();
        JsonNode json = new ObjectMapper().readTree(out);
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL).categories(List.of("1", "2", "3",
                "4", "5", "6"));
        for (Map<String, String> row : rows(file)) {
            if (!row.get("value").isEmpty()) {
                builder.add(row.get("unit"), row.get("rater"), row.get("value"));
            }
        }
        AgreementReport report = AgreementReport.compute(builder.build(),
                ReportOptions.defaults().withBootstrap(200).withSeed(5));

        JsonNode perCategory = json.get("per_category");
        assertThat(perCategory.fieldNames()).toIterable().containsExactly("1", "2", "3", "4", "5", "6");
        CategoryAgreement three = report.perCategory().get(2);
        JsonNode threeJson = perCategory.get("3");
        assertThat(threeJson.fieldNames()).toIterable().containsExactly("prevalence", "agreement", "fleiss_kappa");
        assertThat(threeJson.get("fleiss_kappa").fieldNames()).toIterable().containsExactly("value", "se", "ci95");
        assertThat(threeJson.get("fleiss_kappa").get("value").asDouble()).isEqualTo(three.kappa());
        assertThat(threeJson.get("fleiss_kappa").get("se").asDouble()).isEqualTo(three.standardError());
        assertThat(threeJson.get("fleiss_kappa").get("ci95").get(0).asDouble()).isEqualTo(three.ci95().lower());
        assertThat(threeJson.get("fleiss_kappa").get("ci95").get(1).asDouble()).isEqualTo(three.ci95().upper());
        JsonNode unused = perCategory.get("6").get("fleiss_kappa");
        assertThat(unused.get("value").isNull()).isTrue();
        assertThat(unused.get("se").isNull()).isTrue();
        assertThat(unused.get("ci95").isNull()).isTrue();

        JsonNode pairs = json.get("pairwise");
        assertThat(pairs).hasSize(6);
        JsonNode first = pairs.get(0);
        assertThat(first.get("raters")).extracting(JsonNode::asText).containsExactly("obsA", "obsB");
        PairwiseKappa pairwise = report.pairwiseCohenKappa();
        assertThat(first.get("shared_units").asLong()).isEqualTo(pairwise.sharedUnits(0, 1));
        JsonNode kappa = first.get("cohen_kappa");
        assertThat(kappa.fieldNames()).toIterable().containsExactly("value", "se", "ci95");
        assertThat(kappa.get("value").asDouble()).isEqualTo(pairwise.kappa(0, 1));
        assertThat(kappa.get("se").asDouble()).isEqualTo(pairwise.standardError(0, 1));
        assertThat(kappa.get("ci95").get(0).asDouble()).isEqualTo(pairwise.ci95(0, 1).lower());
        assertThat(kappa.get("ci95").get(1).asDouble()).isEqualTo(pairwise.ci95(0, 1).upper());
    }

    @Test
    void withoutBootstrapCategoryAndPairIntervalsAreNullButStandardErrorsStay() throws IOException {
        assertThat(run("--ratings", krippendorffFile().toString(), "--json", "--bootstrap", "0")).isZero();
        JsonNode json = new ObjectMapper().readTree(out);
        JsonNode category = json.get("per_category").get("2").get("fleiss_kappa");
        assertThat(category.get("se").isNumber()).isTrue();
        assertThat(category.get("ci95").isNull()).isTrue();
        JsonNode pair = json.get("pairwise").get(0).get("cohen_kappa");
        assertThat(pair.get("se").isNumber()).isTrue();
        assertThat(pair.get("ci95").isNull()).isTrue();
    }

    @Test
    void theTableGivesCategoryAndPairIntervals() throws IOException {
        Path file = csv("unit,rater,value\n1,a,yes\n1,b,yes\n2,a,no\n2,b,yes\n3,a,no\n3,b,no\n4,a,yes\n4,b,yes\n");
        assertThat(run("--ratings", file.toString(), "--bootstrap", "50")).isZero();
        String categoryHeader = out.lines().filter(line -> line.startsWith("category")).findFirst().orElseThrow();
        assertThat(categoryHeader).contains("kappa", "SE", "95% CI (bootstrap)");
        String yes = out.lines().filter(line -> line.startsWith("yes ")).findFirst().orElseThrow();
        assertThat(yes).matches(".*\\[-?\\d\\.\\d{4}, -?\\d\\.\\d{4}\\]$");
        String pair = out.lines().filter(line -> line.startsWith("a / b")).findFirst().orElseThrow();
        assertThat(pair).contains(" 4 ").matches(".*\\[-?\\d\\.\\d{4}, -?\\d\\.\\d{4}\\]$");
    }

    @Test
    void projectJsonGivesEveryCoefficientAStandardErrorAndEveryRaterPairAnInterval() throws IOException {
        Path demo = new org.refusalworkbench.demo.DemoProject(dir, "test").ensure();
        assertThat(run(demo.toString(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out);
        JsonNode refusalType = json.get("groups").get("refusal_type");
        JsonNode option = refusalType.get("options").elements().next().get("fleiss_kappa");
        assertThat(option.fieldNames()).toIterable().containsExactly("value", "se", "ci95");
        assertThat(option.get("se").isNumber()).isTrue();
        assertThat(option.get("ci95")).hasSize(2);
        assertThat(refusalType.get("krippendorff_alpha").fieldNames()).toIterable()
                .containsExactly("value", "se", "ci95");

        JsonNode pairwise = json.get("pairwise").get("response_type");
        int raters = pairwise.get("raters").size();
        assertThat(pairwise.get("pairs")).hasSize(raters * (raters - 1) / 2);
        JsonNode pair = pairwise.get("pairs").get(0);
        assertThat(pair.fieldNames()).toIterable().containsExactly("raters", "shared_units", "cohen_kappa");
        assertThat(pair.get("raters")).extracting(JsonNode::asText)
                .containsExactly(pairwise.get("raters").get(0).asText(), pairwise.get("raters").get(1).asText());
        JsonNode kappa = pair.get("cohen_kappa");
        assertThat(kappa.get("value").asDouble()).isEqualTo(pairwise.get("cohen_kappa").get(0).get(1).asDouble());
        assertThat(kappa.get("se").isNumber()).isTrue();
        assertThat(kappa.get("ci95").get(0).asDouble()).isLessThanOrEqualTo(kappa.get("value").asDouble());
        assertThat(kappa.get("ci95").get(1).asDouble()).isGreaterThanOrEqualTo(kappa.get("value").asDouble());
        assertThat(pair.get("shared_units").asLong()).isEqualTo(pairwise.get("shared_units").get(0).get(1).asLong());
    }

    @Test
    void aProjectTakesTheBootstrapAndSeedOptionsToo() throws IOException {
        Path demo = new org.refusalworkbench.demo.DemoProject(dir, "test").ensure();
        assertThat(run(demo.toString(), "--json", "--bootstrap", "0")).isZero();
        JsonNode withoutReport = new ObjectMapper().readTree(out);
        JsonNode without = withoutReport.get("groups").get("response_type").get("fleiss_kappa");
        assertThat(run(demo.toString(), "--json", "--bootstrap", "200", "--seed", "7")).isZero();
        JsonNode sevenReport = new ObjectMapper().readTree(out);
        JsonNode seven = sevenReport.get("groups").get("response_type").get("fleiss_kappa");
        assertThat(run(demo.toString(), "--json", "--bootstrap", "200", "--seed", "8")).isZero();
        JsonNode eight = new ObjectMapper().readTree(out).get("groups").get("response_type").get("fleiss_kappa");

        assertThat(without.get("ci95").isNull()).isTrue();
        assertThat(without.get("value").asDouble()).isEqualTo(seven.get("value").asDouble());
        assertThat(seven.get("ci95")).hasSize(2);
        assertThat(seven.get("ci95")).isNotEqualTo(eight.get("ci95"));
        assertThat(withoutReport.get("intervals").asText()).startsWith("none");
        assertThat(sevenReport.get("intervals").asText()).contains("200 resamples", "seed 7");
        assertThat(run(demo.toString(), "--bootstrap", "-1")).isEqualTo(2);
    }

    private static List<Map<String, String>> rows(Path file) throws IOException {
        try (var it = new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).<Map<String, String>>readValues(file.toFile())) {
            return it.readAll();
        }
    }

    @Test
    void twoRatersAddCohenAndScottAndTheTableListsMetricsAndCategories() throws IOException {
        Path file = csv("unit,rater,value\n1,a,yes\n1,b,yes\n2,a,no\n2,b,yes\n3,a,no\n3,b,no\n4,a,yes\n4,b,yes\n");
        assertThat(run("--ratings", file.toString(), "--bootstrap", "50")).isZero();
        assertThat(out).contains("cohen_kappa", "scott_pi", "gwet_ac1", "category", "yes", "warnings:");
    }

    @Test
    void setsAreWrittenWithPipes() throws IOException {
        Path file = csv("unit,rater,value\n1,a,x|y\n1,b,y|x\n2,a,x\n2,b,x|z\n3,a,z\n3,b,y\n");
        assertThat(run("--ratings", file.toString(), "--level", "set", "--distance", "jaccard", "--json", "--bootstrap", "0")).isZero();
        assertThat(new ObjectMapper().readTree(out).get("level").asText()).isEqualTo("set");
    }

    @Test
    void unknownLevelIsExitCodeTwo() throws IOException {
        assertThat(run("--ratings", krippendorffFile().toString(), "--level", "cardinal")).isEqualTo(2);
        assertThat(err).contains("unknown level 'cardinal'");
    }

    @Test
    void nonNumericIntervalValueNamesFileAndLine() throws IOException {
        Path file = csv("unit,rater,value\n1,a,1\n1,b,high\n");
        assertThat(run("--ratings", file.toString(), "--level", "interval")).isEqualTo(2);
        assertThat(err).startsWith("error: " + file + ":3: value 'high' is not a number");
    }

    @Test
    void singleRaterIsRejected() throws IOException {
        Path file = csv("unit,rater,value\n1,a,x\n2,a,y\n");
        assertThat(run("--ratings", file.toString())).isEqualTo(2);
        assertThat(err).startsWith("error: " + file + ":2: agreement needs at least two raters");
    }

    @Test
    void duplicateUnitAndRaterNamesBothLines() throws IOException {
        Path file = csv("unit,rater,value\n1,a,x\n1,b,y\n2,a,x\n1,a,y\n");
        assertThat(run("--ratings", file.toString())).isEqualTo(2);
        assertThat(err).startsWith("error: " + file + ":5: unit '1' is rated twice by 'a' (first on line 2)");
    }

    @Test
    void categoriesAndPairsUndefinedInSomeResamplesAreNamedInTheWarnings() throws IOException {
        StringBuilder rows = new StringBuilder("unit,rater,value\n");
        for (int u = 1; u <= 40; u++) {
            String a = u == 1 ? "rare" : u % 2 == 1 ? "x" : "y";
            rows.append("u").append(u).append(",a,").append(a).append('\n');
            rows.append("u").append(u).append(",b,").append(u == 1 ? "x" : a).append('\n');
            if (u == 3 || u == 4) {
                rows.append("u").append(u).append(",c,").append(a).append('\n');
            }
        }
        Path file = csv(rows.toString());

        assertThat(run("--ratings", file.toString(), "--json", "--bootstrap", "300")).isEqualTo(0);
        List<String> warnings = new ArrayList<>();
        new ObjectMapper().readTree(out).get("warnings").forEach(w -> warnings.add(w.asText()));
        assertThat(warnings).anyMatch(w -> w.startsWith("kappa of category 'rare' is undefined in "))
                .anyMatch(w -> w.startsWith("Cohen's kappa of 'a' and 'c' is undefined in "))
                .anyMatch(w -> w.startsWith("Cohen's kappa of 'b' and 'c' is undefined in "))
                .noneMatch(w -> w.contains("'a' and 'b'"));

        assertThat(run("--ratings", file.toString(), "--bootstrap", "300")).isEqualTo(0);
        assertThat(out).contains("- kappa of category 'rare' is undefined in ");
    }

    @Test
    void linesAreRightAfterBlankLinesEmptyValuesAndQuotedLineBreaks() throws IOException {
        Path file = csv("unit,rater,value\n1,a,x\n\n1,b,\"multi\nline\"\n2,a,\n2,b,y\n1,a,z\n");
        assertThat(run("--ratings", file.toString())).isEqualTo(2);
        assertThat(err).startsWith("error: " + file + ":8: unit '1' is rated twice by 'a' (first on line 2)");
    }

    @Test
    void invalidUtf8NamesTheLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        byte[] head = "unit,rater,value\n1,a,x\n1,b,".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xE9, '\n'};
        byte[] content = new byte[head.length + bad.length];
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(bad, 0, content, head.length, bad.length);
        Files.write(file, content);
        assertThat(run("--ratings", file.toString())).isEqualTo(2);
        assertThat(err).startsWith("error: " + file + ":3: invalid UTF-8");
    }

    @Test
    void wrongHeaderAndMissingFileAreBadInput() throws IOException {
        Path file = csv("item,coder,label\n1,a,x\n");
        assertThat(run("--ratings", file.toString())).isEqualTo(2);
        assertThat(err).startsWith("error: " + file + ":1: expected the header unit,rater,value");
        assertThat(run("--ratings", dir.resolve("absent.csv").toString())).isEqualTo(2);
        assertThat(err).contains("absent.csv: no such file");
    }

    @Test
    void wrongFieldCountNamesTheLine() throws IOException {
        Path file = csv("unit,rater,value\n1,a,x\n1,b\n");
        assertThat(run("--ratings", file.toString())).isEqualTo(2);
        assertThat(err).startsWith("error: " + file + ":3: expected 3 fields");
    }

    @Test
    void valueOutsideListedCategoriesIsRejected() throws IOException {
        Path file = csv("unit,rater,value\n1,a,x\n1,b,w\n");
        assertThat(run("--ratings", file.toString(), "--categories", "x,y")).isEqualTo(2);
        assertThat(err).startsWith("error: " + file + ":3: value 'w' is not one of the categories");
    }

    @Test
    void aMissingProjectIsBadInput() {
        assertThat(run(dir.resolve("project.db").toString())).isEqualTo(2);
        assertThat(err).contains("no such project file");
    }

    @Test
    void aProjectGivesAgreementPerGroupAndOptionForTheChosenAnnotators() {
        Path demo = new org.refusalworkbench.demo.DemoProject(dir, "test").ensure();
        assertThat(run(demo.toString(), "--group", "response_type", "--annotators", "annotator-a,annotator-b"))
                .isEqualTo(0);
        assertThat(out).contains("annotators: annotator-a, annotator-b").contains("Response type")
                .doesNotContain("Refusal quality");
        assertThat(run(demo.toString(), "--group", "nonsense")).isEqualTo(2);
        assertThat(err).contains("no group 'nonsense'");
    }
}
