package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.domain.Selections;

/**
 * Loads every response's labels and gold label in three sequential scans (responses, labels, adjudications), each
 * ordered by response id so rows are merged without per-response queries.
 */
public final class JudgementQuery {

    private JudgementQuery() {
    }

    public static List<ResponseJudgements> all(Connection connection) throws SQLException {
        Map<Long, Builder> builders = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT r.id, r.prompt_id, r.model, r.sample,"
                + " p.safety FROM response r JOIN prompt p ON p.id = r.prompt_id ORDER BY r.id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                builders.put(rows.getLong(1), new Builder(rows.getLong(1), rows.getLong(2), rows.getString(3),
                        rows.getInt(4), SafetyLabel.parse(rows.getString(5).equals("unknown") ? null
                        : rows.getString(5))));
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT l.response_id, a.name, s.group_id,"
                + " s.option_id FROM label l JOIN annotator a ON a.id = l.annotator_id"
                + " LEFT JOIN label_selection s ON s.label_id = l.id ORDER BY l.response_id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Builder builder = builders.get(rows.getLong(1));
                Map<String, Set<String>> selections = builder.labels.computeIfAbsent(rows.getString(2),
                        name -> new HashMap<>());
                if (rows.getString(3) != null) {
                    selections.computeIfAbsent(rows.getString(3), group -> new TreeSet<>()).add(rows.getString(4));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT j.response_id, s.group_id, s.option_id"
                + " FROM adjudication j LEFT JOIN adjudication_selection s ON s.adjudication_id = j.id"
                + " ORDER BY j.response_id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Builder builder = builders.get(rows.getLong(1));
                if (builder.gold == null) {
                    builder.gold = new HashMap<>();
                }
                if (rows.getString(2) != null) {
                    builder.gold.computeIfAbsent(rows.getString(2), group -> new TreeSet<>()).add(rows.getString(3));
                }
            }
        }
        List<ResponseJudgements> all = new ArrayList<>(builders.size());
        for (Builder builder : builders.values()) {
            all.add(builder.build());
        }
        return all;
    }

    private static final class Builder {
        final long responseId;
        final long promptId;
        final String model;
        final int sample;
        final SafetyLabel safety;
        final Map<String, Map<String, Set<String>>> labels = new LinkedHashMap<>();
        Map<String, Set<String>> gold;

        Builder(long responseId, long promptId, String model, int sample, SafetyLabel safety) {
            this.responseId = responseId;
            this.promptId = promptId;
            this.model = model;
            this.sample = sample;
            this.safety = safety;
        }

        ResponseJudgements build() {
            Map<String, Selections> byAnnotator = new LinkedHashMap<>();
            labels.forEach((name, selections) -> byAnnotator.put(name, Selections.of(selections)));
            return new ResponseJudgements(responseId, promptId, model, sample, safety, byAnnotator,
                    gold == null ? null : Selections.of(gold));
        }
    }
}
