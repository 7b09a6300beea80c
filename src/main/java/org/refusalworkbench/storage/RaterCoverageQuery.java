package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.refusalworkbench.domain.ChangeSource;
import org.refusalworkbench.domain.RaterCoverage;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.TaxonomyGroup;

/** Reads a project's {@link RaterCoverage}: who worked in the app, and which checkbox groups the others used. */
public final class RaterCoverageQuery {

    private RaterCoverageQuery() {
    }

    public static RaterCoverage read(Connection connection) throws SQLException {
        Set<String> appRaters = new HashSet<>();
        Map<Long, String> others = new LinkedHashMap<>();
        // An EXISTS per person walks the change log through its annotator index and stops at the first change that
        // was not imported: app edits and merged app labels both mean the person saw every group.
        try (PreparedStatement query = connection.prepareStatement("SELECT a.id, a.name, EXISTS (SELECT 1 FROM"
                + " change_log c WHERE c.annotator_id = a.id AND c.source <> ?) FROM annotator a")) {
            query.setString(1, ChangeSource.IMPORT.stored());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getBoolean(3)) {
                        appRaters.add(rows.getString(2));
                    } else {
                        others.put(rows.getLong(1), rows.getString(2));
                    }
                }
            }
        }
        Map<String, Set<String>> groupsChosenIn = new HashMap<>();
        if (others.isEmpty()) {
            return RaterCoverage.of(appRaters, groupsChosenIn);
        }
        // Gold labels are few next to labels: one pass over them all.
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT j.reviewer_id, s.group_id"
                + " FROM adjudication j JOIN adjudication_selection s ON s.adjudication_id = j.id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String person = others.get(rows.getLong(1));
                if (person != null) {
                    groupsChosenIn.computeIfAbsent(person, name -> new HashSet<>()).add(rows.getString(2));
                }
            }
        }
        for (TaxonomyGroup group : ProjectSetup.currentTaxonomy(connection).groups(GroupLevel.RESPONSE)) {
            if (group.isSingleChoice()) {
                continue;
            }
            for (Map.Entry<Long, String> person : others.entrySet()) {
                if (!groupsChosenIn.getOrDefault(person.getValue(), Set.of()).contains(group.id())
                        && choseIn(connection, person.getKey(), group.id())) {
                    groupsChosenIn.computeIfAbsent(person.getValue(), name -> new HashSet<>()).add(group.id());
                }
            }
        }
        return RaterCoverage.of(appRaters, groupsChosenIn);
    }

    /** Whether the person chose an option of the group in any label; stops at the first. */
    private static boolean choseIn(Connection connection, long person, String group) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM label l"
                + " JOIN label_selection s ON s.label_id = l.id WHERE l.annotator_id = ? AND s.group_id = ?)")) {
            query.setLong(1, person);
            query.setString(2, group);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }
}
