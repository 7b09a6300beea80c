package org.refusalworkbench.report;

import org.refusalworkbench.TestData;
import org.refusalworkbench.domain.ChangeSource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
                        org.assertj.core.groups.Tuple.tuple("response_type", "full_compliance"),
                        org.assertj.core.groups.Tuple.tuple("response_type", "full_refusal"),
                        org.assertj.core.groups.Tuple.tuple("response_type", "partial_refusal"),
                        org.assertj.core.groups.Tuple.tuple("refusal_type", null),
                        org.assertj.core.groups.Tuple.tuple("refusal_type", "safety_policy"));
        AgreementMeasures.RatingSet responseType = measures.measured.get(0);
        assertThat(responseType.level()).isEqualTo(AgreementMeasures.Level.NOMINAL);
        assertThat(responseType.categories()).containsExactly("full_compliance", "full_refusal", "partial_refusal");
        AgreementMeasures.RatingSet refusalType = measures.measured.stream()
                .filter(set -> set.level() == AgreementMeasures.Level.SET).findFirst().orElseThrow();
        assertThat(refusalType.ratings()).as("refusal type is rated by the annotators who called it a refusal")
                .extracting(AgreementMeasures.Rating::unit, AgreementMeasures.Rating::rater)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("1", "a"),
                        org.assertj.core.groups.Tuple.tuple("1", "b"), org.assertj.core.groups.Tuple.tuple("2", "a"));
        assertThat(report.rows().get(0).measured().coefficient(HeadlineMetric.PERCENT).value()).isEqualTo(0.5);
        assertThat(report.rows()).noneMatch(row -> row.group().equals("failure_modes"));
    }

    @Test
    void aCheckboxGroupReportsGwetsCoefficientAsAc2AndASingleChoiceGroupAsAc1() {
        ProjectAgreement report = ProjectAgreement.compute(List.of(
                response(1, Map.of("a", refusal("safety_policy"), "b", refusal("safety_policy")), null),
                response(2, Map.of("a", refusal("over_refusal"), "b", refusal("over_refusal")), null),
                response(3, Map.of("a", refusal("over_refusal"), "b", refusal("safety_policy")), null)),
                TAXONOMY, new EngineAgreementMeasures(), ProjectAgreement.Selection.all());

        ProjectAgreement.Row responseType = row(report, "response_type", null);
        ProjectAgreement.Row refusalType = row(report, "refusal_type", null);
        ProjectAgreement.Row oneOption = row(report, "refusal_type", "safety_policy");
        assertThat(refusalType.measured().coefficients()).extracting(AgreementMeasures.Coefficient::key)
                .as("a set measured with MASI weights").contains("gwet_ac2")
                .doesNotContain("gwet_ac1");
        assertThat(responseType.measured().coefficients()).extracting(AgreementMeasures.Coefficient::key)
                .contains("gwet_ac1").doesNotContain("gwet_ac2");
        assertThat(oneOption.measured().coefficients()).extracting(AgreementMeasures.Coefficient::key)
                .as("an option measured as yes/no").contains("gwet_ac1");
        assertThat(refusalType.measured().coefficient(HeadlineMetric.GWET).key())
                .as("the views' name finds either").isEqualTo("gwet_ac2");
        assertThat(ProjectAgreementJson.toJson(report, "p", org.refusalworkbench.agreement.ReportOptions.defaults())
                .toString()).contains("gwet_ac2");
    }

    private static ProjectAgreement.Row row(ProjectAgreement report, String group, String option) {
        return report.rows().stream().filter(row -> row.group().equals(group)
                && java.util.Objects.equals(row.option(), option)).findFirst().orElseThrow();
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
        assertThat(adjudicated.rows().get(0).measured().coefficient(HeadlineMetric.PERCENT).value())
                .as("the annotators' own figures ignore gold").isEqualTo(0.5);
        assertThat(adjudicated.goldAgreement()).extracting(ProjectAgreement.GoldAgreement::annotator,
                ProjectAgreement.GoldAgreement::percent).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", 1.0), org.assertj.core.groups.Tuple.tuple("b", 0.0));
    }

    @Test
    void theTwoXstestAnnotatorsAgreementOnResponseTypeIsMeasuredByTheEngine(@TempDir Path folder) throws Exception {
        Path dir = TestData.xstestFolder();
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
        assertThat(report.rows()).extracting(ProjectAgreement.Row::option)
                .containsExactly(null, "full_compliance", "full_refusal", "partial_refusal");
        assertThat(report.rows()).first().satisfies(row -> {
            assertThat(row.group()).isEqualTo("response_type");
            assertThat(row.measured().units()).isEqualTo(2250);
            AgreementMeasures.Coefficient kappa = row.measured().coefficient(HeadlineMetric.KAPPA);
            assertThat(kappa.value()).isBetween(0.0, 1.0);
            assertThat(kappa.low()).isLessThan(kappa.value());
            assertThat(kappa.high()).isGreaterThan(kappa.value());
        });
        assertThat(report.pairwise().get("response_type").raters()).hasSize(2);
        assertThat(report.goldAgreement()).hasSize(2);
    }

    /**
     * XSTest's annotators and its final labels were asked the response type only. Once a reviewer ticks a refusal
     * type in the app, their empty refusal types must not become 2,250 answers of "none of these" (which measured
     * as perfect agreement, and a refusal-type rate of 0% for every model).
     */
    @Test
    void checkboxGroupsImportedLabelsNeverHadAreNotReadAsNoneOfThese(@TempDir Path folder) throws Exception {
        Path dir = TestData.xstestFolder();
        List<ResponseJudgements> judgements;
        try (ProjectDatabase database = ProjectFiles.create(folder.resolve("x.db"), TAXONOMY, "t")) {
            new ResponseImporter(database).importFiles(List.of(dir.resolve("xstest_v2_completions_gpt4.csv")),
                    ImportFormat.XSTEST, null, ResponseImporter.Progress.NONE);
            List<Long> refused = database.read(JudgementQuery::all).stream()
                    .filter(response -> response.gold().has("response_type", "full_refusal")).limit(3)
                    .map(ResponseJudgements::responseId).toList();
            database.writer().run(connection -> {
                long maria = org.refusalworkbench.storage.Annotators.idFor(connection, "maria");
                for (long response : refused) {
                    org.refusalworkbench.storage.LabelStore.save(connection,
                            org.refusalworkbench.storage.LabelKind.RESPONSE_LABEL, response, maria, Selections.none()
                                    .with("response_type", "full_refusal", true)
                                    .with("refusal_type", "safety_policy", false), null, ChangeSource.APP);
                }
                return null;
            });
            judgements = database.read(JudgementQuery::all);
        }
        ResponseJudgements first = judgements.stream().filter(response -> response.byAnnotator().containsKey("maria"))
                .findFirst().orElseThrow();
        assertThat(first.answered("maria", "refusal_type")).isTrue();
        assertThat(first.answered("xstest-annotator-1", "refusal_type")).isFalse();
        assertThat(first.answered("xstest-annotator-1", "response_type")).isTrue();
        assertThat(first.goldAnswered("refusal_type")).isFalse();
        assertThat(first.goldAnswered("response_type")).isTrue();
        assertThat(Disagreement.of(first, TAXONOMY).disputedGroups()).doesNotContain("refusal_type");

        ProjectAgreement report = ProjectAgreement.compute(judgements, TAXONOMY, new EngineAgreementMeasures(
                org.refusalworkbench.agreement.ReportOptions.defaults().withBootstrap(0)),
                ProjectAgreement.Selection.all());
        ProjectAgreement.Row refusalType = report.rows().stream()
                .filter(row -> row.group().equals("refusal_type") && row.isGroup()).findFirst().orElseThrow();
        assertThat(refusalType.measured().units()).as("only maria answered refusal types").isZero();
        assertThat(refusalType.measured().warnings())
                .containsExactly("only maria answered this so far; agreement needs two annotators");
        assertThat(report.goldAgreement()).noneMatch(row -> row.group().equals("refusal_type") && row.units() > 0);

        Map<String, Proportion> refusalTypes = CalibrationReport.compute(judgements, TAXONOMY).models().get(0)
                .optionRates().get("refusal_type");
        assertThat(refusalTypes.get("safety_policy").n())
                .as("decided by maria where she answered, undecided elsewhere").isEqualTo(3);
        assertThat(refusalTypes.get("safety_policy").count()).isEqualTo(refusalTypes.get("safety_policy").n());
    }

    /**
     * A single-choice group's options are rows too: "chose this answer or not", whose kappa is Fleiss'
     * category-specific kappa of the group. An annotator who left the group unanswered has no rating on them.
     */
    @Test
    void eachAnswerOfASingleChoiceGroupIsARowWithItsCategoryKappa() {
        String[] types = {"full_refusal", "full_compliance", "partial_refusal"};
        List<ResponseJudgements> responses = new java.util.ArrayList<>();
        org.refusalworkbench.agreement.RatingTable.Builder table = org.refusalworkbench.agreement.RatingTable
                .builder(org.refusalworkbench.agreement.MeasurementLevel.NOMINAL);
        for (int id = 1; id <= 60; id++) {
            String truth = types[id % 3];
            String b = id % 5 == 0 ? types[(id + 1) % 3] : truth;
            String c = id % 4 == 0 ? types[(id + 2) % 3] : truth;
            boolean cAnswers = id % 7 != 0;
            Selections cLabel = cAnswers ? type(c)
                    : Selections.none().with("failure_modes", "inconsistency", true);   // response type left open
            responses.add(response(id, Map.of("a", type(truth), "b", type(b), "c", cLabel), null));
            table.add("r" + id, "a", truth).add("r" + id, "b", b);
            if (cAnswers) {
                table.add("r" + id, "c", c);
            }
        }
        ProjectAgreement report = ProjectAgreement.compute(responses, TAXONOMY,
                new EngineAgreementMeasures(org.refusalworkbench.agreement.ReportOptions.defaults().withBootstrap(0)),
                ProjectAgreement.Selection.all());
        List<org.refusalworkbench.agreement.CategoryAgreement> categories = org.refusalworkbench.agreement
                .AgreementReport.compute(table.build()).perCategory();

        for (String option : types) {
            ProjectAgreement.Row row = report.rows().stream()
                    .filter(r -> "response_type".equals(r.group()) && option.equals(r.option())).findFirst()
                    .orElseThrow();
            double expected = categories.stream().filter(c -> c.label().equals(option)).findFirst().orElseThrow()
                    .kappa();
            assertThat(row.measured().coefficient(HeadlineMetric.KAPPA).value()).as(option)
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(row.measured().units()).isEqualTo(60);
        }
    }

    @Test
    void pairwiseKappaCarriesItsStandardErrorAndIntervalIntoTheHtmlAndJson() {
        String[] types = {"full_refusal", "full_compliance", "partial_refusal"};
        List<ResponseJudgements> responses = new java.util.ArrayList<>();
        for (int id = 1; id <= 40; id++) {
            String truth = types[id % 3];
            responses.add(response(id, Map.of("a", type(truth), "b", type(id % 5 == 0 ? types[(id + 1) % 3] : truth),
                    "c", type(id % 4 == 0 ? types[(id + 2) % 3] : truth)), null));
        }
        ProjectAgreement report = ProjectAgreement.compute(responses, TAXONOMY,
                new EngineAgreementMeasures(org.refusalworkbench.agreement.ReportOptions.defaults().withBootstrap(200)),
                ProjectAgreement.Selection.all());

        AgreementMeasures.PairwiseKappa matrix = report.pairwise().get("response_type");
        assertThat(matrix.raters()).containsExactly("a", "b", "c");
        org.refusalworkbench.agreement.RatingTable.Builder table = org.refusalworkbench.agreement.RatingTable
                .builder(org.refusalworkbench.agreement.MeasurementLevel.NOMINAL);
        for (int id = 1; id <= 40; id++) {   // c first, so the table's own rater order is not the name order
            String truth = types[id % 3];
            table.add("r" + id, "c", id % 4 == 0 ? types[(id + 2) % 3] : truth);
            table.add("r" + id, "b", id % 5 == 0 ? types[(id + 1) % 3] : truth);
        }
        Double bc = org.refusalworkbench.agreement.AgreementReport.compute(table.build(),
                org.refusalworkbench.agreement.ReportOptions.defaults().withBootstrap(0))
                .cohenKappa("b", "c", org.refusalworkbench.agreement.AgreementWeights.identity(3));
        assertThat(matrix.kappa()[1][2].value()).isCloseTo(bc, org.assertj.core.data.Offset.offset(1e-12));
        int a = matrix.raters().indexOf("a");
        int b = matrix.raters().indexOf("b");
        AgreementMeasures.Coefficient ab = matrix.kappa()[a][b];
        assertThat(ab.key()).isEqualTo("cohen_kappa");
        assertThat(ab.standardError()).isPositive();
        assertThat(ab.low()).isLessThanOrEqualTo(ab.value());
        assertThat(ab.high()).isGreaterThanOrEqualTo(ab.value()).isGreaterThan(ab.low());
        assertThat(matrix.kappa()[b][a]).isEqualTo(ab);
        assertThat(matrix.kappa()[a][a].value()).isNull();

        assertThat(ProjectAgreementHtml.render(report, "p"))
                .contains(String.format(java.util.Locale.ROOT, "[%.2f, %.2f]</text>", ab.low(), ab.high()))
                .contains(String.format(java.util.Locale.ROOT, "<title>a vs b: κ %.2f, SE %.2f, 95%% CI [%.2f, %.2f]"
                        + " over 40 shared responses</title>", ab.value(), ab.standardError(), ab.low(), ab.high()));
        @SuppressWarnings("unchecked")
        Map<String, Object> pairwise = (Map<String, Object>) ((Map<String, Object>) ProjectAgreementJson
                .toJson(report, "p", org.refusalworkbench.agreement.ReportOptions.defaults()).get("pairwise"))
                .get("response_type");
        @SuppressWarnings("unchecked")
        Map<String, Object> pair = ((List<Map<String, Object>>) pairwise.get("pairs")).stream()
                .filter(entry -> Set.copyOf((List<?>) entry.get("raters")).equals(Set.of("a", "b")))
                .findFirst().orElseThrow();
        assertThat(pair.get("shared_units")).isEqualTo(40L);
        assertThat(pair.get("cohen_kappa")).isEqualTo(Map.of("value", ab.value(), "se", ab.standardError(),
                "ci95", List.of(ab.low(), ab.high())));
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
