package org.refusalworkbench.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which checkbox groups each annotator or reviewer actually answered, so that a box nobody asked them about is not
 * read as "none of these". Someone who labelled in the app (or whose app labels were merged) saw every group, and
 * an empty group is their answer. Someone whose labels all came from imported files answered only the groups those
 * files gave them, known by their having chosen something in the group at least once: XSTest's annotators answered
 * the response type, and their empty refusal types say nothing.
 *
 * <p>Filled while a project's judgements are read ({@link #sawChoiceIn}), then only read.
 */
public final class RaterCoverage {

    /** Everyone answered every group: what judgements built by hand, without a project, mean. */
    public static final RaterCoverage EVERY_GROUP = new RaterCoverage(null);

    /** Null means everyone labelled in the app. */
    private final Set<String> appRaters;
    private final Map<String, Set<String>> groupsChosenIn = new HashMap<>();

    private RaterCoverage(Set<String> appRaters) {
        this.appRaters = appRaters;
    }

    /** @param appRaters the people who labelled or adjudicated in the app, directly or through merged label files */
    public static RaterCoverage withAppRaters(Set<String> appRaters) {
        return new RaterCoverage(Set.copyOf(appRaters));
    }

    /** Notes that {@code rater} chose an option of {@code groupId} somewhere in the project. */
    public void sawChoiceIn(String rater, String groupId) {
        if (appRaters != null && !appRaters.contains(rater)) {
            groupsChosenIn.computeIfAbsent(rater, name -> new HashSet<>()).add(groupId);
        }
    }

    /** Whether an empty selection of {@code groupId} by {@code rater} is an answer ("none of these"). */
    public boolean answered(String rater, String groupId) {
        return appRaters == null || appRaters.contains(rater)
                || groupsChosenIn.getOrDefault(rater, Set.of()).contains(groupId);
    }
}
