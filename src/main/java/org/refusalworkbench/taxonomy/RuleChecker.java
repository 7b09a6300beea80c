package org.refusalworkbench.taxonomy;

import java.util.ArrayList;
import java.util.List;

import org.refusalworkbench.domain.Selections;

/** Checks one response's selections against the taxonomy's rules; it flags, it never blocks. */
public final class RuleChecker {

    private final Taxonomy taxonomy;

    public RuleChecker(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public List<RuleViolation> check(Selections selections, boolean multiTurn) {
        List<RuleViolation> violations = new ArrayList<>();
        for (TaxonomyRule rule : taxonomy.rules()) {
            if (rule.when().isSelectedIn(selections) && isBroken(rule, selections, multiTurn)) {
                violations.add(new RuleViolation(rule.id(), rule.when(), rule.message()));
            }
        }
        for (TaxonomyGroup group : taxonomy.groups(GroupLevel.RESPONSE)) {
            if (!group.appliesTo(selections)) {
                for (String optionId : selections.options(group.id())) {
                    violations.add(new RuleViolation("applies_when:" + group.id(), new OptionRef(group.id(), optionId),
                            group.label() + " only applies when " + describeCondition(group) + "."));
                }
            }
        }
        return violations;
    }

    private static boolean isBroken(TaxonomyRule rule, Selections selections, boolean multiTurn) {
        return switch (rule.kind()) {
            case REQUIRES_ANY -> rule.then().stream().noneMatch(target -> target.isSelectedIn(selections));
            case EXCLUDES -> rule.then().stream().anyMatch(target -> target.isSelectedIn(selections));
            case REQUIRES_MULTI_TURN -> !multiTurn;
        };
    }

    private String describeCondition(TaxonomyGroup group) {
        List<String> parts = new ArrayList<>();
        group.appliesWhen().forEach((groupId, options) -> {
            TaxonomyGroup other = taxonomy.group(groupId).orElseThrow();
            List<String> labels = options.stream().sorted()
                    .map(option -> other.option(option).map(TaxonomyOption::label).orElse(option)).toList();
            parts.add(other.label().toLowerCase(java.util.Locale.ROOT) + " is " + String.join(" or ", labels));
        });
        return String.join(" and ", parts);
    }
}
