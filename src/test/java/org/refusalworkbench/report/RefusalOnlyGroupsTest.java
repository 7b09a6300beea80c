package org.refusalworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyReader;

/**
 * A group that applies only to refusals is judged among the annotators who saw a refusal: the one who saw
 * compliance was never asked why the model refused, and their empty boxes are no vote for "none of these".
 */
class RefusalOnlyGroupsTest {

    private static final Taxonomy TAXONOMY = TaxonomyReader.defaultTaxonomy();
    private static final TaxonomyGroup REFUSAL_TYPE = TAXONOMY.group("refusal_type").orElseThrow();
    private static final TaxonomyGroup REFUSAL_QUALITY = TAXONOMY.group("refusal_quality").orElseThrow();

    /** Three annotators see an over-refusal, two of them a clear one with a brief reason; the fourth saw compliance. */
    private static ResponseJudgements threeRefusersAndOneComplier() {
        return new ResponseJudgements(55, 18, "cobalt-2", 1, SafetyLabel.SAFE, Map.of(
                "annotator-a", refusal("clear", "brief_reason"),
                "annotator-b", refusal("clear", "brief_reason"),
                "annotator-c", refusal("clear"),
                "annotator-d", Selections.none().with("response_type", "full_compliance", true)), null);
    }

    private static Selections refusal(String... qualities) {
        Selections selections = Selections.none().with("response_type", "full_refusal", true)
                .with("refusal_type", "over_refusal", false);
        for (String quality : qualities) {
            selections = selections.with("refusal_quality", quality, false);
        }
        return selections;
    }

    @Test
    void theMajorityOfARefusalOnlyGroupIsTheRefusersChoiceNotATie() {
        Consensus.Decision quality = Consensus.decide(threeRefusersAndOneComplier(), REFUSAL_QUALITY);

        assertThat(quality.source()).isEqualTo(Consensus.Source.MAJORITY);
        assertThat(quality.options()).containsExactly("brief_reason", "clear");
        assertThat(Consensus.decide(threeRefusersAndOneComplier(), REFUSAL_TYPE).options())
                .containsExactly("over_refusal");
    }

    @Test
    void finalLabelsAndCalibrationCountTheRefusersChoice() {
        ResponseJudgements response = threeRefusersAndOneComplier();
        Map<String, FinalLabels.Decided> decided = FinalLabels.of(List.of(response), TAXONOMY).decide(response)
                .stream().collect(Collectors.toMap(outcome -> outcome.group().id(), outcome -> outcome));

        assertThat(decided.get("refusal_quality").source()).isEqualTo(Consensus.Source.MAJORITY);
        assertThat(decided.get("refusal_quality").options()).containsExactly("brief_reason", "clear");
        ModelCalibration model = CalibrationReport.compute(List.of(response), TAXONOMY).models().get(0);
        assertThat(model.tiesByGroup()).isEmpty();
        assertThat(model.optionRates().get("refusal_quality").get("brief_reason").count()).isEqualTo(1);
    }

    @Test
    void refusersWhoAgreeAreNotADisputeWithTheAnnotatorWhoSawCompliance() {
        Disagreement disagreement = Disagreement.of(threeRefusersAndOneComplier(), TAXONOMY);

        assertThat(disagreement.disputedGroups()).contains("response_type", "refusal_quality")
                .doesNotContain("refusal_type");
        assertThat(disagreement.splitOptions().get("refusal_quality")).containsExactly("brief_reason");
    }

    @Test
    void agreementOnARefusalOnlyGroupIsMeasuredAmongTheRefusers() {
        RecordingMeasures measures = new RecordingMeasures();
        ProjectAgreement report = ProjectAgreement.compute(List.of(threeRefusersAndOneComplier()), TAXONOMY,
                measures, ProjectAgreement.Selection.all());

        ProjectAgreement.Row refusalType = report.rows().stream()
                .filter(row -> row.isGroup() && row.group().equals("refusal_type")).findFirst().orElseThrow();
        assertThat(refusalType.measured().coefficient(HeadlineMetric.PERCENT).value()).isEqualTo(1.0);
        assertThat(report.adjudication()).filteredOn(effect -> effect.group().equals("refusal_type"))
                .extracting(ProjectAgreement.AdjudicationEffect::disputed).containsExactly(0);
    }

    @Test
    void aGoldComplianceDoesNotDecideARefusalOnlyGroup() {
        ResponseJudgements adjudicated = new ResponseJudgements(1, 1, "m", 1, SafetyLabel.SAFE, Map.of(
                "annotator-a", refusal("clear"), "annotator-b", refusal("clear")),
                Selections.none().with("response_type", "full_compliance", true));

        assertThat(Consensus.decide(adjudicated, REFUSAL_QUALITY).source()).isEqualTo(Consensus.Source.MAJORITY);
        assertThat(FinalLabels.of(List.of(adjudicated), TAXONOMY).decide(adjudicated))
                .extracting(outcome -> outcome.group().id()).doesNotContain("refusal_quality");
    }
}
