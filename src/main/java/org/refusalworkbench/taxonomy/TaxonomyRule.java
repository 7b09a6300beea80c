package org.refusalworkbench.taxonomy;

import java.util.List;

/** A constraint between options, kept as data in the taxonomy so teams can write their own. */
public record TaxonomyRule(String id, RuleKind kind, OptionRef when, List<OptionRef> then, String message) {

    public TaxonomyRule {
        then = List.copyOf(then);
    }
}
