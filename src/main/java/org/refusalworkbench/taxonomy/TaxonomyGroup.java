package org.refusalworkbench.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.refusalworkbench.domain.Selections;

/**
 * A question the labeler answers. {@code appliesWhen} limits a group to responses where another group has one of
 * the listed options (refusal quality only makes sense for refusals).
 */
public record TaxonomyGroup(String id, String label, String definition, GroupLevel level, GroupKind kind,
                            boolean required, Map<String, Set<String>> appliesWhen, List<TaxonomyOption> options) {

    public TaxonomyGroup {
        appliesWhen = Map.copyOf(appliesWhen);
        options = List.copyOf(options);
    }

    public Optional<TaxonomyOption> option(String optionId) {
        return options.stream().filter(option -> option.id().equals(optionId)).findFirst();
    }

    public boolean isSingleChoice() {
        return kind == GroupKind.SINGLE;
    }

    public boolean appliesTo(Selections selections) {
        return appliesWhen.entrySet().stream().allMatch(condition ->
                condition.getValue().stream().anyMatch(option -> selections.has(condition.getKey(), option)));
    }
}
