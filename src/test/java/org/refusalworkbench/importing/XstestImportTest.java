package org.refusalworkbench.importing;

import org.refusalworkbench.TestData;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.storage.ProjectStats;

/** The five XSTest v2 completion files shipped in the shared data folder. */
class XstestImportTest {

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
                    java.util.Map.entry(XstestRecordSource.FIRST_ANNOTATOR, 2250L),
                    java.util.Map.entry(XstestRecordSource.SECOND_ANNOTATOR, 2250L));
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
}
