package org.refusalworkbench.taxonomy;

import java.util.Optional;

import org.refusalworkbench.domain.Selections;

/** Whether selections from outside (an import, a label file) use only this taxonomy's groups and options. */
public final class SelectionCheck {

    private SelectionCheck() {
    }

    /** @return what is wrong, or empty when every id is known and fits the level and the group's kind */
    public static Optional<String> problem(Taxonomy taxonomy, Selections selections, GroupLevel level) {
        for (String groupId : selections.groups()) {
            Optional<TaxonomyGroup> group = taxonomy.group(groupId);
            if (group.isEmpty()) {
                return Optional.of("unknown taxonomy group '" + groupId + "' (taxonomy " + taxonomy.id() + " has "
                        + String.join(", ", taxonomy.groups().stream().map(TaxonomyGroup::id).toList()) + ")");
            }
            for (String optionId : selections.options(groupId)) {
                if (group.get().option(optionId).isEmpty()) {
                    return Optional.of("unknown option '" + optionId + "' in taxonomy group '" + groupId + "'");
                }
            }
            if (group.get().level() != level) {
                return Optional.of("group '" + groupId + "' is judged per " + group.get().level().name()
                        .toLowerCase(java.util.Locale.ROOT) + ", not per " + level.name().toLowerCase(java.util.Locale.ROOT));
            }
            if (group.get().isSingleChoice() && selections.options(groupId).size() > 1) {
                return Optional.of("group '" + groupId + "' takes a single option, found "
                        + selections.options(groupId));
            }
        }
        return Optional.empty();
    }
}
