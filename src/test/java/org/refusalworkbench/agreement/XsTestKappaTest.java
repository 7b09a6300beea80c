package org.refusalworkbench.agreement;

import org.refusalworkbench.TestData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cohen's kappa between XSTest's two human annotations (Röttger et al. 2024, "XSTest", v2 completions),
 * per model file in the repository's test data. The figures are quoted in docs/agreement.md.
 */
class XsTestKappaTest {
    private static final List<String> LABELS = List.of("1_full_compliance", "2_full_refusal", "3_partial_refusal");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gpt4", "llama2new", "llama2orig", "mistralguard", "mistralinstruct"})
    @DisplayName("XSTest annotation_1 vs annotation_2: kappa equals statsmodels, agreement equals the file's agreement column")
    void cohenKappaBetweenTheTwoAnnotators(String model) throws IOException {
        Path file = TestData.xstestCompletions(model);
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL).categories(LABELS);
        StringBuilder triples = new StringBuilder();
        int agreeing = 0;
        int rows = 0;
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                builder.add(row.get("id"), "annotation_1", row.get("annotation_1"));
                builder.add(row.get("id"), "annotation_2", row.get("annotation_2"));
                triples.append(rows).append(" r0 ").append(LABELS.indexOf(row.get("annotation_1")) + 1).append('\n');
                triples.append(rows).append(" r1 ").append(LABELS.indexOf(row.get("annotation_2")) + 1).append('\n');
                agreeing += "TRUE".equalsIgnoreCase(row.get("agreement")) ? 1 : 0;
                rows++;
            }
        }
        AgreementReport report = AgreementReport.compute(builder.build(), ReportOptions.defaults().withBootstrap(1000).withSeed(1));
        MetricResult kappa = report.metric(Metric.COHEN_KAPPA).orElseThrow();
        Map<String, Double> statsmodels = PythonReference.run("statsmodels", StatsmodelsScripts.COHEN, triples.toString());
        assertThat(kappa.value()).isCloseTo(statsmodels.get("kappa"), within(1e-9));
        assertThat(kappa.standardError()).isCloseTo(statsmodels.get("se"), within(1e-9));
        assertThat(Tables.value(report, Metric.PERCENT_AGREEMENT)).isCloseTo((double) agreeing / rows, within(1e-12));
        System.out.printf(Locale.ROOT, "XSTest %-16s n=%d agreement=%.4f cohen_kappa=%.4f se=%.4f ci95=[%.4f, %.4f] gwet_ac1=%.4f%n",
                model, rows, Tables.value(report, Metric.PERCENT_AGREEMENT), kappa.value(), kappa.standardError(),
                kappa.ci95().lower(), kappa.ci95().upper(), Tables.value(report, Metric.GWET_AC));
    }
}
