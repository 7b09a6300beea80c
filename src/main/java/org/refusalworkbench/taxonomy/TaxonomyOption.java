package org.refusalworkbench.taxonomy;

/** One choice within a group; {@code hotkey} is a single letter or digit. */
public record TaxonomyOption(String id, String label, String definition, char hotkey) {
}
