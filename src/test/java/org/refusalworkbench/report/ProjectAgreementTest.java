package org.refusalworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.importing.ImportFormat;
import org.refusalworkbench.importing.ResponseImporter;
import org.refusalworkbench.storage.JudgementQuery;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyReader;

class ProjectAgreementTest {

    private static final Taxonomy TAXONOMY = TaxonomyReader.defaultTaxonomy();

    @Test
    void singleChoiceIsNominalMultipleChoiceIsASetAndEachOptionAYesNoVariable() {
        RecordingMeasures measures = new RecordingMeasures();
        ProjectAgreement report = ProjectAgreement.compute(List.of(
                response(1, Map.of("a", refusal("safety_policy"), "b", refusal("safety_policy")), null),
                response(2, Map.of("a", refusal("over_refusal"), "b", type("full_compliance")), null)),
                TAXONOMY, measures, ProjectAgreement.Selection.all());

        assertThat(report.rows()).extracting(ProjectAgreement.Row::group, ProjectAgreement.Row::option)
                .startsWith(org.assertj.core.groups.Tuple.tuple("response_type", null),
                        org.assertj.core.groups.Tuple.tuple("refusal_type", null),
                        org.assertj.core.groups.Tuple.tuple("refusal_type", "safety_policy"));
        AgreementMeasures.RatingSet responseType = measures.measured.get(0);
        assertThat(responseType.level()).isEqualTo(AgreementMeasures.Level.NOMINAL);
        assertThat(responseType.categories()).containsExactly("full_compliance", "full_refusal", "partial_refusal");
        AgreementMeasures.RatingSet refusalType = measures.measured.stream()
                .filter(set -> set.level() == AgreementMeasures.Level.SET).findFirst().orElseThrow();
        assertThat(refusalType.ratings()).as("refusal type counts only responses every annotator called a refusal")
                .extracting(AgreementMeasures.Rating::unit).containsOnly("1");
        assertThat(report.rows().get(0).measured().coefficient(ProjectAgreement.PERCENT).value()).isEqualTo(0.5);
        assertThat(report.rows()).noneMatch(row -> row.group().equals("failure_modes"));
    }

    @Test
    void adjudicationResolvesDisputedResponsesAndGoldJoinsOnlyTheAfterFigures() {
        List<ResponseJudgements> before = List.of(
                response(1, Map.of("a", type("full_refusal"), "b", type("full_compliance")), null),
                response(2, Map.of("a", type("full_refusal"), "b", type("full_refusal")), null));
        List<ResponseJudgements> after = List.of(
                response(1, Map.of("a", type("full_refusal"), "b", type("full_compliance")), type("full_refusal")),
                before.get(1));

        ProjectAgreement.AdjudicationEffect open = ProjectAgreement.compute(before, TAXONOMY,
                new RecordingMeasures(), ProjectAgreement.Selection.all()).adjudication().get(0);
        ProjectAgreement adjudicated = ProjectAgreement.compute(after, TAXONOMY, new RecordingMeasures(),
                ProjectAgreement.Selection.all());
        ProjectAgreement.AdjudicationEffect closed = adjudicated.adjudication().get(0);

        assertThat(open.disputed()).isEqualTo(1);
        assertThat(open.disputedAdjudicated()).isZero();
        assertThat(open.alphaAfter()).isEqualTo(open.alphaBefore()).isEqualTo(0.5);
        assertThat(closed.disputedAdjudicated()).isEqualTo(1);
        assertThat(closed.alphaAfter()).as("gold as a third rater on response 1: 1 of 3 pairs, then 1 of 1")
                .isEqualTo(2.0 / 4);
        assertThat(adjudicated.rows().get(0).measured().coefficient(ProjectAgreement.PERCENT).value())
                .as("the annotators' own figures ignore gold").isEqualTo(0.5);
        assertThat(adjudicated.goldAgreement()).extracting(ProjectAgreement.GoldAgreement::annotator,
                ProjectAgreement.GoldAgreement::percent).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", 1.0), org.assertj.core.groups.Tuple.tuple("b", 0.0));
    }

    @Test
    void theTwoXstestAnnotatorsAgreementOnResponseTypeIsMeasuredByTheEngine(@TempDir Path folder) throws Exception {
        Path dir = Path.of(System.getProperty("shared.data.dir", "../shared/data"), "xstest");
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().startsWith("xstest_v2_completions_")).sorted().toList();
        }
        ProjectAgreement report;
        try (ProjectDatabase database = ProjectFiles.create(folder.resolve("x.db"), TAXONOMY, "t")) {
            new ResponseImporter(database).importFiles(files, ImportFormat.XSTEST, null, ResponseImporter.Progress.NONE);
            report = ProjectAgreement.compute(database.read(JudgementQuery::all), TAXONOMY,
                    new EngineAgreementMeasures(), ProjectAgreement.Selection.all());
        }
        assertThat(report.annotators()).containsExactly("xstest-annotator-1", "xstest-annotator-2");
        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.group()).isEqualTo("response_type");
            assertThat(row.measured().units()).isEqualTo(2250);
            AgreementMeasures.Coefficient kappa = row.measured().coefficient(ProjectAgreement.KAPPA);
            assertThat(kappa.value()).isBetween(0.0, 1.0);
            assertThat(kappa.low()).isLessThan(kappa.value());
            assertThat(kappa.high()).isGreaterThan(kappa.value());
        });
        assertThat(report.pairwise().get("response_type").raters()).hasSize(2);
        assertThat(report.goldAgreement()).hasSize(2);
    }

    @Test
    void disagreementScoresAreTheShareOfDisagreeingPairsOverUsedGroups() {
        Disagreement unanimous = Disagreement.of(response(1, Map.of("a", type("full_refusal"),
                "b", type("full_refusal")), null), TAXONOMY);
        Disagreement split = Disagreement.of(response(2, Map.of("a", type("full_refusal"),
                "b", type("full_refusal"), "c", type("full_compliance")), null), TAXONOMY);
        assertThat(unanimous.score()).isZero();
        assertThat(split.score()).isEqualTo(2.0 / 3);
        assertThat(split.splitOptions().get("response_type")).containsExactlyInAnyOrder("full_refusal",
                "full_compliance");
    }

    private static Selections type(String option) {
        return Selections.none().with("response_type", option, true);
    }

    private static Selections refusal(String refusalType) {
        return type("full_refusal").with("refusal_type", refusalType, false);
    }

    private static ResponseJudgements response(long id, Map<String, Selections> labels, Selections gold) {
        return new ResponseJudgements(id, id, "m", 1, SafetyLabel.SAFE, labels, gold);
    }
}
