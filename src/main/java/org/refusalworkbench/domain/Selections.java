package org.refusalworkbench.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One person's chosen options, per taxonomy group. Immutable; groups and options are kept sorted so two equal
 * selections print, hash and export identically on every workstation.
 */
public final class Selections {

    private static final Selections NONE = new Selections(new TreeMap<>());

    private final SortedMap<String, SortedSet<String>> byGroup;

    private Selections(SortedMap<String, SortedSet<String>> byGroup) {
        this.byGroup = byGroup;
    }

    public static Selections none() {
        return NONE;
    }

    public static Selections of(Map<String, ? extends java.util.Collection<String>> byGroup) {
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
        byGroup.forEach((group, options) -> {
            if (!options.isEmpty()) {
                copy.put(group, Collections.unmodifiableSortedSet(new TreeSet<>(options)));
            }
        });
        return new Selections(copy);
    }

    public Set<String> groups() {
        return Collections.unmodifiableSet(byGroup.keySet());
    }

    public SortedSet<String> options(String groupId) {
        SortedSet<String> options = byGroup.get(groupId);
        return options == null ? Collections.emptySortedSet() : options;
    }

    public boolean has(String groupId, String optionId) {
        return options(groupId).contains(optionId);
    }

    public boolean isEmpty() {
        return byGroup.isEmpty();
    }

    /** Adds an option; with {@code exclusive} the option replaces whatever else the group held (single choice). */
    public Selections with(String groupId, String optionId, boolean exclusive) {
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>(byGroup);
        TreeSet<String> options = exclusive ? new TreeSet<>() : new TreeSet<>(options(groupId));
        options.add(optionId);
        copy.put(groupId, Collections.unmodifiableSortedSet(options));
        return new Selections(copy);
    }

    public Selections without(String groupId, String optionId) {
        if (!has(groupId, optionId)) {
            return this;
        }
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>(byGroup);
        TreeSet<String> options = new TreeSet<>(options(groupId));
        options.remove(optionId);
        if (options.isEmpty()) {
            copy.remove(groupId);
        } else {
            copy.put(groupId, Collections.unmodifiableSortedSet(options));
        }
        return new Selections(copy);
    }

    public Map<String, SortedSet<String>> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(byGroup));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Selections that && byGroup.equals(that.byGroup);
    }

    @Override
    public int hashCode() {
        return byGroup.hashCode();
    }

    @Override
    public String toString() {
        return byGroup.toString();
    }
}
