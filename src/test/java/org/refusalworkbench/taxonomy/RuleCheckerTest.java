package org.refusalworkbench.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.refusalworkbench.domain.Selections;

class RuleCheckerTest {

    private final RuleChecker checker = new RuleChecker(TaxonomyReader.defaultTaxonomy());

    @Test
    void leakageWithoutAnyRefusalIsFlagged() {
        Selections selections = selections(Map.of("response_type", List.of("full_compliance"),
                "failure_modes", List.of("refusal_leakage")));

        assertThat(checker.check(selections, false)).extracting(RuleViolation::ruleId)
                .containsExactly("leakage_needs_refusal");
    }

    @Test
    void leakageOnAPartialRefusalIsFine() {
        Selections selections = selections(Map.of("response_type", List.of("partial_refusal"),
                "failure_modes", List.of("refusal_leakage")));

        assertThat(checker.check(selections, false)).isEmpty();
    }

    @Test
    void capitulationOnASingleTurnResponseIsFlagged() {
        Selections selections = selections(Map.of("response_type", List.of("full_compliance"),
                "failure_modes", List.of("sycophantic_capitulation")));

        assertThat(checker.check(selections, false)).extracting(RuleViolation::ruleId)
                .containsExactly("capitulation_needs_transcript");
        assertThat(checker.check(selections, true)).isEmpty();
    }

    @Test
    void overRefusalCannotAlsoBeAnAppropriateSafetyRefusal() {
        Selections selections = selections(Map.of("response_type", List.of("full_refusal"),
                "refusal_type", List.of("over_refusal", "safety_policy")));

        assertThat(checker.check(selections, false))
                .extracting(violation -> violation.ruleId() + " @ " + violation.option())
                .containsExactly("over_refusal_excludes_safety @ refusal_type.over_refusal");
    }

    @Test
    void refusalQualityOnACompliantResponseIsFlaggedAsNotApplicable() {
        Selections selections = selections(Map.of("response_type", List.of("full_compliance"),
                "refusal_quality", List.of("clear")));

        List<RuleViolation> violations = checker.check(selections, false);

        assertThat(violations).extracting(RuleViolation::ruleId).containsExactly("applies_when:refusal_quality");
        assertThat(violations.get(0).message()).contains("Full refusal or Partial refusal");
    }

    private static Selections selections(Map<String, List<String>> byGroup) {
        return Selections.of(byGroup);
    }
}
