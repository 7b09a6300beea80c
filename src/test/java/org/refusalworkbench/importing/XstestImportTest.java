package org.refusalworkbench.importing;

import org.refusalworkbench.TestData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.storage.JudgementQuery;
import org.refusalworkbench.storage.ProjectStats;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyReader;

/** The five XSTest v2 completion files shipped in the shared data folder. */
class XstestImportTest {

    private static final String HEADER = "id,type,prompt,completion,annotation_1,annotation_2,agreement,final_label\n";

    @TempDir
    Path folder;

    static Path[] xstestFiles() throws Exception {
        Path dir = TestData.xstestFolder();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("xstest_v2_completions_")).sorted()
                    .toArray(Path[]::new);
        }
    }

    @Test
    void fiveFilesGive450Prompts2250ResponsesTwoAnnotatorsAndGold() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path[] files = xstestFiles();
            assertThat(files).hasSize(5);

            fixture.importFiles(files);
            ProjectStats stats = fixture.database.read(ProjectStats::read);

            assertThat(stats.prompts()).isEqualTo(450);
            assertThat(stats.responses()).isEqualTo(2250);
            assertThat(stats.models()).isEqualTo(5);
            assertThat(stats.annotators()).isEqualTo(2);
            assertThat(stats.labels()).isEqualTo(4500);
            assertThat(stats.adjudications()).isEqualTo(2250);
            assertThat(stats.responsesLabelledByAnnotator()).containsOnly(
                    Map.entry(XstestRowMapper.FIRST_ANNOTATOR, 2250L),
                    Map.entry(XstestRowMapper.SECOND_ANNOTATOR, 2250L));
            assertThat(fixture.count("prompt WHERE safety = 'unsafe'")).isEqualTo(200);

            List<Long> before = fixture.allCounts();
            ImportSummary again = fixture.importFiles(files);
            assertThat(again.responsesAdded()).isZero();
            assertThat(fixture.allCounts()).isEqualTo(before);
        }
    }

    @Test
    void xstestsPromptListIsRefusedWithAPointerToTheCompletionFiles() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path prompts = xstestFiles()[0].resolveSibling("xstest_prompts.csv");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.importFiles(prompts))
                    .hasMessageStartingWith(prompts + ":1: this is XSTest's list of prompts")
                    .hasMessageContaining("xstest_v2_completions_MODEL.csv");
            assertThat(fixture.allCounts()).containsOnly(0L);
        }
    }

    @Test
    void anUnknownXstestLabelIsReportedWithItsLine() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path bad = fixture.write("xstest_v2_completions_test.csv",
                    "id,type,prompt,completion,annotation_1,annotation_2,agreement,final_label\n"
                            + "v2-1,homonyms,q,\"multi\nline\",1_full_compliance,1_full_compliance,TRUE,1_full_compliance\n"
                            + "v2-2,homonyms,q2,a,4_unsure,1_full_compliance,FALSE,1_full_compliance\n");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.importFiles(bad))
                    .hasMessage(bad + ":4: 'annotation_1' has unknown label '4_unsure' (expected one of"
                            + " 1_full_compliance, 2_full_refusal, 3_partial_refusal)");
            assertThat(fixture.allCounts()).containsOnly(0L);
        }
    }

    @Test
    void theModelComesFromTheFileName() throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            Path file = fixture.write("xstest_v2_completions_gpt4.csv",
                    "id,type,prompt,completion,annotation_1,annotation_2,agreement,final_label\n"
                            + "v2-201,contrast_homonyms,q,a,2_full_refusal,2_full_refusal,TRUE,2_full_refusal\n");

            fixture.importFiles(file);

            assertThat(fixture.count("response WHERE model = 'gpt4'")).isEqualTo(1);
            assertThat(fixture.count("prompt WHERE safety = 'unsafe' AND category = 'contrast_homonyms'")).isEqualTo(1);
        }
    }

    @Test
    void xstestLabelsMapThroughTheResponseTypeRolesOfACustomTaxonomy() throws Exception {
        Taxonomy example = new TaxonomyReader().read(TestData.taxonomyExampleFromDocs(), "docs/taxonomy.md");
        try (ImportFixture fixture = new ImportFixture(folder, example)) {
            Path file = fixture.write("xstest_v2_completions_gpt4.csv", HEADER
                    + "v2-1,homonyms,q,a,1_full_compliance,2_full_refusal,FALSE,2_full_refusal\n");

            fixture.importFiles(file);

            assertThat(fixture.database.read(JudgementQuery::all).get(0).byAnnotator()).containsOnly(
                    Map.entry(XstestRowMapper.FIRST_ANNOTATOR, Selections.of(Map.of("response_type",
                            List.of("complied")))),
                    Map.entry(XstestRowMapper.SECOND_ANNOTATOR, Selections.of(Map.of("response_type",
                            List.of("refused")))));
            assertThat(fixture.database.read(JudgementQuery::all).get(0).gold().options("response_type"))
                    .containsExactly("refused");
        }
    }

    @Test
    void aPartialRefusalIsRefusedWhenTheTaxonomyHasNoOptionWithThatRole() throws Exception {
        Taxonomy example = new TaxonomyReader().read(TestData.taxonomyExampleFromDocs(), "docs/taxonomy.md");
        try (ImportFixture fixture = new ImportFixture(folder, example)) {
            Path file = fixture.write("xstest_v2_completions_gpt4.csv", HEADER
                    + "v2-1,homonyms,q,a,1_full_compliance,1_full_compliance,TRUE,1_full_compliance\n"
                    + "v2-2,homonyms,q2,a,3_partial_refusal,1_full_compliance,FALSE,1_full_compliance\n");

            assertThatThrownBy(() -> fixture.importFiles(file)).hasMessage(file + ":3: 'annotation_1' is"
                    + " 3_partial_refusal, but the taxonomy has no response-type option with \"role\":"
                    + " \"partial_refusal\"");
            assertThat(fixture.allCounts()).containsOnly(0L);
        }
    }

    @Test
    void aTaxonomyWithoutResponseTypeRolesRefusesXstestFiles() throws Exception {
        Taxonomy withoutRoles = new TaxonomyReader().read(TestData.taxonomyExampleFromDocs()
                .replaceAll(",?\\s*\"role\": \"[a-z_]+\"", ""), "custom.json");
        try (ImportFixture fixture = new ImportFixture(folder, withoutRoles)) {
            Path file = fixture.write("xstest_v2_completions_gpt4.csv", HEADER
                    + "v2-1,homonyms,q,a,2_full_refusal,2_full_refusal,TRUE,2_full_refusal\n");

            assertThatThrownBy(() -> fixture.importFiles(file)).hasMessageContaining("XSTest labels cannot be"
                    + " imported: the taxonomy declares no response-type group with compliance and refusal options");
            assertThat(fixture.allCounts()).containsOnly(0L);
        }
    }
}
