package org.refusalworkbench.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which checkbox groups each annotator or reviewer actually answered, so that a box nobody asked them about is not
 * read as "none of these". Someone who labelled in the app (or whose app labels were merged) saw every group, and
 * an empty group is their answer. Someone whose labels all came from imported files answered only the groups those
 * files gave them, known by their having chosen something in the group at least once: XSTest's annotators answered
 * the response type, and their empty refusal types say nothing.
 */
public final class RaterCoverage {

    /** Everyone answered every group: what judgements built by hand, without a project, mean. */
    public static final RaterCoverage EVERY_GROUP = new RaterCoverage(null, Map.of());

    /** Null means everyone labelled in the app. */
    private final Set<String> appRaters;
    private final Map<String, Set<String>> groupsChosenIn;
    /** Raters who answered only the groups they chose in, whoever else labelled in the app: automatic judges. */
    private final Map<String, Set<String>> onlyChosenGroups;

    private RaterCoverage(Set<String> appRaters, Map<String, Set<String>> groupsChosenIn) {
        this(appRaters, groupsChosenIn, Map.of());
    }

    private RaterCoverage(Set<String> appRaters, Map<String, Set<String>> groupsChosenIn,
                          Map<String, Set<String>> onlyChosenGroups) {
        this.appRaters = appRaters;
        this.groupsChosenIn = groupsChosenIn;
        this.onlyChosenGroups = onlyChosenGroups;
    }

    /**
     * The same coverage with more raters who answered only the groups they chose an option of at least once: a
     * judge asked about the response type says nothing about refusal quality.
     */
    public RaterCoverage withRatersOfChosenGroups(Map<String, Set<String>> groupsChosen) {
        Map<String, Set<String>> copy = new HashMap<>(onlyChosenGroups);
        groupsChosen.forEach((rater, groups) -> copy.put(rater, Set.copyOf(groups)));
        return new RaterCoverage(appRaters, groupsChosenIn, Map.copyOf(copy));
    }

    /**
     * @param appRaters      the people who labelled or adjudicated in the app, directly or through merged label files
     * @param groupsChosenIn for everyone else, the groups they chose an option of at least once
     */
    public static RaterCoverage of(Set<String> appRaters, Map<String, Set<String>> groupsChosenIn) {
        Map<String, Set<String>> copy = new HashMap<>();
        groupsChosenIn.forEach((rater, groups) -> copy.put(rater, Set.copyOf(groups)));
        return new RaterCoverage(Set.copyOf(appRaters), Map.copyOf(copy));
    }

    /** Whether an empty selection of {@code groupId} by {@code rater} is an answer ("none of these"). */
    public boolean answered(String rater, String groupId) {
        Set<String> only = onlyChosenGroups.get(rater);
        if (only != null) {
            return only.contains(groupId);
        }
        return appRaters == null || appRaters.contains(rater)
                || groupsChosenIn.getOrDefault(rater, Set.of()).contains(groupId);
    }
}
