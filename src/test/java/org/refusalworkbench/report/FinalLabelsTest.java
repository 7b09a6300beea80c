package org.refusalworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.refusalworkbench.domain.RaterCoverage;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyReader;

class FinalLabelsTest {

    private static final Taxonomy TAXONOMY = TaxonomyReader.defaultTaxonomy();

    private static Selections refusal(String... refusalTypes) {
        Selections selections = Selections.none().with("response_type", "full_refusal", true);
        for (String type : refusalTypes) {
            selections = selections.with("refusal_type", type, false);
        }
        return selections;
    }

    private static ResponseJudgements response(long id, Map<String, Selections> labels, Selections gold) {
        return new ResponseJudgements(id, id, "m", 1, SafetyLabel.SAFE, labels, gold);
    }

    private static Map<String, FinalLabels.Decided> byGroup(List<FinalLabels.Decided> decided) {
        return decided.stream().collect(java.util.stream.Collectors.toMap(d -> d.group().id(), d -> d));
    }

    @Test
    void goldWinsOverTheMajorityAndTheMajorityDecidesTheRest() {
        ResponseJudgements adjudicated = response(1, Map.of("a", refusal("over_refusal"), "b",
                refusal("over_refusal")), refusal("safety_policy"));
        ResponseJudgements voted = response(2, Map.of("a", refusal("over_refusal"), "b", refusal("over_refusal"),
                "c", refusal()), null);
        FinalLabels labels = FinalLabels.of(List.of(adjudicated, voted), TAXONOMY);

        assertThat(labels.groups()).extracting(TaxonomyGroup::id).containsExactly("response_type", "refusal_type");
        Map<String, FinalLabels.Decided> gold = byGroup(labels.decide(adjudicated));
        assertThat(gold.get("refusal_type").source()).isEqualTo(Consensus.Source.GOLD);
        assertThat(gold.get("refusal_type").options()).containsExactly("safety_policy");
        Map<String, FinalLabels.Decided> majority = byGroup(labels.decide(voted));
        assertThat(majority.get("response_type").source()).isEqualTo(Consensus.Source.MAJORITY);
        assertThat(majority.get("refusal_type").options()).containsExactly("over_refusal");
    }

    @Test
    void aTieIsMarkedAndAGroupForRefusalsIsLeftOutOfACompliantResponse() {
        Selections compliance = Selections.none().with("response_type", "full_compliance", true);
        ResponseJudgements tied = response(1, Map.of("a", refusal("capability"), "b", compliance), null);
        ResponseJudgements complied = response(2, Map.of("a", compliance, "b", compliance), null);
        FinalLabels labels = FinalLabels.of(List.of(tied, complied, response(3, Map.of("c",
                refusal("capability")), null)), TAXONOMY);

        assertThat(byGroup(labels.decide(tied)).get("response_type").source()).isEqualTo(Consensus.Source.TIE);
        assertThat(byGroup(labels.decide(tied))).as("no decided refusal, so refusal type does not apply")
                .doesNotContainKey("refusal_type");
        assertThat(labels.decide(complied)).extracting(d -> d.group().id()).containsExactly("response_type");
    }

    @Test
    void aTieOnAGroupWhoseConditionIsTiedTooIsLeftOutOfFinalLabelsButKeptForReview() {
        Selections compliance = Selections.none().with("response_type", "full_compliance", true);
        ResponseJudgements splitTwice = response(1, Map.of("a", refusal("capability"), "b", refusal("over_refusal"),
                "c", compliance, "d", compliance), null);
        FinalLabels rule = FinalLabels.over(TAXONOMY.groups(GroupLevel.RESPONSE));

        Map<String, FinalLabels.Decided> shipped = byGroup(rule.decide(splitTwice,
                FinalLabels.ConditionTies.LEAVE_OUT));
        Map<String, FinalLabels.Decided> reviewed = byGroup(rule.decide(splitTwice, FinalLabels.ConditionTies.KEEP));

        assertThat(shipped.get("response_type").source()).isEqualTo(Consensus.Source.TIE);
        assertThat(shipped).as("nothing decided a refusal").doesNotContainKey("refusal_type");
        assertThat(rule.decide(splitTwice)).isEqualTo(rule.decide(splitTwice, FinalLabels.ConditionTies.LEAVE_OUT));
        assertThat(reviewed.get("response_type").source()).isEqualTo(Consensus.Source.TIE);
        assertThat(reviewed.get("refusal_type").source()).as("settling the refusal may leave its type split")
                .isEqualTo(Consensus.Source.TIE);
    }

    @Test
    void aTieOnAGroupWhoseConditionIsDecidedOtherwiseIsLeftOutEitherWay() {
        Selections compliance = Selections.none().with("response_type", "full_compliance", true);
        ResponseJudgements complied = response(1, Map.of("a", refusal("capability"), "b", refusal("over_refusal"),
                "c", compliance, "d", compliance, "e", compliance), null);
        FinalLabels rule = FinalLabels.over(TAXONOMY.groups(GroupLevel.RESPONSE));

        for (FinalLabels.ConditionTies ties : FinalLabels.ConditionTies.values()) {
            Map<String, FinalLabels.Decided> decided = byGroup(rule.decide(complied, ties));
            assertThat(decided.get("response_type").options()).as("%s", ties).containsExactly("full_compliance");
            assertThat(decided).as("%s", ties).doesNotContainKey("refusal_type");
        }
    }

    @Test
    void aGoldLabelImportedWithoutAGroupLeavesThatGroupToTheAnnotatorsWhoAnsweredIt() {
        RaterCoverage coverage = RaterCoverage.of(Set.of("app-user"), Map.of("xstest-final", Set.of()));
        ResponseJudgements response = new ResponseJudgements(1, 1, "m", 1, SafetyLabel.SAFE,
                Map.of("app-user", refusal("over_refusal")), refusal(), "xstest-final", coverage);

        Map<String, FinalLabels.Decided> decided = byGroup(FinalLabels.of(List.of(response), TAXONOMY)
                .decide(response));

        assertThat(decided.get("response_type").source()).isEqualTo(Consensus.Source.GOLD);
        assertThat(decided.get("refusal_type").source()).isEqualTo(Consensus.Source.MAJORITY);
        assertThat(decided.get("refusal_type").options()).containsExactly("over_refusal");
    }
}
