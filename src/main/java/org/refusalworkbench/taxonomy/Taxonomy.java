package org.refusalworkbench.taxonomy;

import java.util.List;
import java.util.Optional;

/**
 * The label scheme of a project. {@code contentHash} is the SHA-256 of the canonical JSON without the roles and the
 * guidelines, so two workstations can tell whether their labels mean the same thing; {@code roles} say how reports
 * read the labels, and {@code guidelines} (Markdown, empty when the file has none) tell labelers how to choose.
 */
public record Taxonomy(String id, String version, String name, List<TaxonomyGroup> groups, List<TaxonomyRule> rules,
                       TaxonomyRoles roles, String guidelines, String canonicalJson, String contentHash) {

    public Taxonomy {
        groups = List.copyOf(groups);
        rules = List.copyOf(rules);
        guidelines = guidelines == null ? "" : guidelines;
    }

    public Optional<TaxonomyGroup> group(String groupId) {
        return groups.stream().filter(group -> group.id().equals(groupId)).findFirst();
    }

    public List<TaxonomyGroup> groups(GroupLevel level) {
        return groups.stream().filter(group -> group.level() == level).toList();
    }

    public boolean hasOption(String groupId, String optionId) {
        return group(groupId).flatMap(group -> group.option(optionId)).isPresent();
    }
}
