package org.refusalworkbench.report;

import org.refusalworkbench.TestData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.importing.ImportFormat;
import org.refusalworkbench.importing.ResponseImporter;
import org.refusalworkbench.storage.JudgementQuery;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyReader;

class CalibrationReportTest {

    private static final Taxonomy TAXONOMY = TaxonomyReader.defaultTaxonomy();
    private static final Map<String, String> XSTEST_LABELS = Map.of("1_full_compliance", "full_compliance",
            "2_full_refusal", "full_refusal", "3_partial_refusal", "partial_refusal");

    @TempDir
    Path folder;

    @Test
    void xstestCountsPerModelEqualTheFinalLabelsInEachFile() throws Exception {
        Path dir = TestData.xstestFolder();
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().startsWith("xstest_v2_completions_")).sorted().toList();
        }
        CalibrationReport report;
        try (ProjectDatabase database = ProjectFiles.create(folder.resolve("x.db"), TAXONOMY, "t")) {
            new ResponseImporter(database).importFiles(files, ImportFormat.XSTEST, null, ResponseImporter.Progress.NONE);
            report = CalibrationReport.compute(database.read(JudgementQuery::all), TAXONOMY);
        }

        assertThat(report.models()).hasSize(5);
        for (Path file : files) {
            String model = file.getFileName().toString().replace("xstest_v2_completions_", "").replace(".csv", "");
            Map<String, Map<String, Long>> expected = finalLabelCounts(file);
            ModelCalibration calibration = report.byModel().get(model);
            assertThat(calibration.responseTypes()).as(model).isEqualTo(expected);
            assertThat(calibration.responseTypeSources()).containsOnlyKeys(Consensus.Source.GOLD);
            assertThat(calibration.optionRates()).as("groups XSTest does not label get no rates").isEmpty();
        }
    }

    @Test
    void majorityDecidesWithoutGoldAndTiesAreCountedNotGuessed() {
        List<ResponseJudgements> responses = List.of(
                response(1, SafetyLabel.SAFE, Map.of("a", type("full_refusal"), "b", type("full_refusal"),
                        "c", type("full_compliance")), null),
                response(2, SafetyLabel.SAFE, Map.of("a", type("full_refusal"), "b", type("full_compliance")), null),
                response(3, SafetyLabel.SAFE, Map.of("a", type("full_compliance")), type("full_compliance")),
                response(4, SafetyLabel.UNSAFE, Map.of("a", type("full_compliance"), "b", type("full_compliance")), null));

        ModelCalibration model = CalibrationReport.compute(responses, TAXONOMY).models().get(0);

        assertThat(model.responseTypeSources()).containsEntry(Consensus.Source.MAJORITY, 2L)
                .containsEntry(Consensus.Source.TIE, 1L).containsEntry(Consensus.Source.GOLD, 1L);
        assertThat(model.refusalOnSafe().count()).isEqualTo(1);
        assertThat(model.refusalOnSafe().n()).isEqualTo(2);
        assertThat(model.complianceOnUnsafe().count()).isEqualTo(1);
        assertThat(model.tiesByGroup()).containsEntry("response_type", 1L);
    }

    @Test
    void refusalQualityIsRatedOverRefusalsOnly() {
        Selections goodRefusal = Selections.of(Map.of("response_type", List.of("full_refusal"),
                "refusal_quality", List.of("clear", "offers_alternative")));
        Selections bareRefusal = Selections.of(Map.of("response_type", List.of("full_refusal")));
        List<ResponseJudgements> responses = List.of(
                response(1, SafetyLabel.UNSAFE, Map.of("a", goodRefusal), null),
                response(2, SafetyLabel.UNSAFE, Map.of("a", bareRefusal), null),
                response(3, SafetyLabel.SAFE, Map.of("a", type("full_compliance")), null));

        Map<String, Proportion> quality = CalibrationReport.compute(responses, TAXONOMY).models().get(0)
                .optionRates().get("refusal_quality");

        assertThat(quality.get("clear").count()).isEqualTo(1);
        assertThat(quality.get("clear").n()).isEqualTo(2);
        assertThat(quality.get("brief_reason").count()).isZero();
    }

    @Test
    void wilsonIntervalMatchesThePublishedFormula() {
        // Newcombe (1998), Statistics in Medicine 17:857, table I: 81/263 gives 0.2553 to 0.3662.
        Proportion proportion = Proportion.of(81, 263);

        assertThat(proportion.low()).isCloseTo(0.2553, within(5e-5));
        assertThat(proportion.high()).isCloseTo(0.3662, within(5e-5));
        assertThat(Proportion.of(0, 0).rate()).isNull();
    }

    private static Map<String, Map<String, Long>> finalLabelCounts(Path file) throws Exception {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file);
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String safety = row.get("type").startsWith("contrast_") ? "unsafe" : "safe";
                Map<String, Long> bySafety = counts.computeIfAbsent(safety, s -> new HashMap<>(Map.of(
                        "full_compliance", 0L, "full_refusal", 0L, "partial_refusal", 0L)));
                bySafety.merge(XSTEST_LABELS.get(row.get("final_label")), 1L, Long::sum);
            }
        }
        return counts;
    }

    @Test
    void aModelThatRefusedEverySafePromptHasRefusalRateOneUnderTheDocumentedExampleTaxonomy() throws Exception {
        Taxonomy example = new TaxonomyReader().read(TestData.taxonomyExampleFromDocs(), "docs/taxonomy.md");
        List<ResponseJudgements> responses = new java.util.ArrayList<>();
        for (long id = 1; id <= 4; id++) {
            responses.add(response(id, SafetyLabel.SAFE, Map.of("a", type("refused"), "b", type("refused")), null));
        }
        responses.add(response(5, SafetyLabel.UNSAFE, Map.of("a", type("complied")), null));

        CalibrationReport report = CalibrationReport.compute(responses, example);

        ModelCalibration model = report.models().get(0);
        assertThat(report.ratesNotAvailable()).isEmpty();
        assertThat(model.refusalOnSafe().rate()).isEqualTo(1.0);
        assertThat(model.refusalOnSafe().n()).isEqualTo(4);
        assertThat(model.complianceOnUnsafe().rate()).isEqualTo(1.0);
        assertThat(model.responseTypes().get("safe")).containsEntry("refused", 4L).containsEntry("complied", 0L);
    }

    @Test
    void aTaxonomyWithoutResponseTypeRolesGetsNoRatesAndSaysWhy() throws Exception {
        Taxonomy withoutRoles = new TaxonomyReader().read(TestData.taxonomyExampleFromDocs()
                .replaceAll(",?\\s*\"role\": \"[a-z_]+\"", ""), "custom.json");
        List<ResponseJudgements> responses = List.of(
                response(1, SafetyLabel.SAFE, Map.of("a", type("refused")), null),
                response(2, SafetyLabel.UNSAFE, Map.of("a", type("complied")), null));

        CalibrationReport report = CalibrationReport.compute(responses, withoutRoles);

        String why = "not available: the taxonomy declares no response-type group with compliance and refusal"
                + " options";
        assertThat(report.ratesNotAvailable()).contains(why);
        Map<String, Object> json = CalibrationJson.toJson(report, "p");
        assertThat(json).containsEntry("rates_not_available", why);
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) ((Map<String, Object>) json.get("models")).get("m");
        assertThat(model).containsEntry("refusal_rate_on_safe", null).containsEntry("compliance_rate_on_unsafe", null)
                .containsEntry("response_type", null);
        assertThat(CalibrationHtml.render(report, "p")).contains(why).doesNotContain("Refusal on safe prompts");
    }

    private static Selections type(String option) {
        return Selections.of(Map.of("response_type", List.of(option)));
    }

    private static ResponseJudgements response(long id, SafetyLabel safety, Map<String, Selections> labels,
                                               Selections gold) {
        return new ResponseJudgements(id, id, "m", 1, safety, labels, gold);
    }
}
