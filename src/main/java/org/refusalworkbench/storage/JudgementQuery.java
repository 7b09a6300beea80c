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

import org.refusalworkbench.domain.RaterCoverage;
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

    /**
     * Memory is what limits this on large projects (about a kilobyte a label), so: the three scans walk one list in
     * response-id order instead of going through a map of boxed ids; each response is built as soon as the label
     * scan has passed it, dropping its working maps; and the few distinct models, names, option ids and whole
     * selections (a million labels hold a few hundred different ones) are shared instead of kept once per row.
     */
    public static List<ResponseJudgements> all(Connection connection) throws SQLException {
        RaterCoverage coverage = RaterCoverageQuery.read(connection);
        Map<String, String> shared = new HashMap<>();
        Map<Selections, Selections> sharedSelections = new HashMap<>();
        List<Builder> builders = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT r.id, r.prompt_id, r.model, r.sample,"
                + " p.safety FROM response r JOIN prompt p ON p.id = r.prompt_id ORDER BY r.id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                builders.add(new Builder(rows.getLong(1), rows.getLong(2), share(shared, rows.getString(3)),
                        rows.getInt(4), SafetyLabel.parse(rows.getString(5).equals("unknown") ? null
                        : rows.getString(5))));
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT j.response_id, a.name, s.group_id,"
                + " s.option_id FROM adjudication j JOIN annotator a ON a.id = j.reviewer_id"
                + " LEFT JOIN adjudication_selection s ON s.adjudication_id = j.id ORDER BY j.response_id");
             ResultSet rows = query.executeQuery()) {
            int at = 0;
            while (rows.next()) {
                at = indexOf(builders, rows.getLong(1), at);
                Builder builder = builders.get(at);
                if (builder.gold == null) {
                    builder.gold = new HashMap<>();
                    builder.goldBy = share(shared, rows.getString(2));
                }
                if (rows.getString(3) != null) {
                    builder.gold.computeIfAbsent(share(shared, rows.getString(3)), group -> new TreeSet<>())
                            .add(share(shared, rows.getString(4)));
                }
            }
        }
        List<ResponseJudgements> all = new ArrayList<>(builders.size());
        try (PreparedStatement query = connection.prepareStatement("SELECT l.response_id, a.name, s.group_id,"
                + " s.option_id FROM label l JOIN annotator a ON a.id = l.annotator_id"
                + " LEFT JOIN label_selection s ON s.label_id = l.id ORDER BY l.response_id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                int at = indexOf(builders, rows.getLong(1), all.size());
                while (all.size() < at) {
                    all.add(builders.set(all.size(), null).build(sharedSelections, coverage));
                }
                Map<String, Set<String>> selections = builders.get(at).labels.computeIfAbsent(
                        share(shared, rows.getString(2)), name -> new HashMap<>());
                if (rows.getString(3) != null) {
                    selections.computeIfAbsent(share(shared, rows.getString(3)), group -> new TreeSet<>())
                            .add(share(shared, rows.getString(4)));
                }
            }
        }
        while (all.size() < builders.size()) {
            all.add(builders.set(all.size(), null).build(sharedSelections, coverage));
        }
        return all;
    }

    /** The position of the response {@code id} at or after {@code from}: the scans run in the same id order. */
    private static int indexOf(List<Builder> builders, long id, int from) {
        int at = from;
        while (builders.get(at).responseId != id) {
            at++;
        }
        return at;
    }

    private static String share(Map<String, String> shared, String text) {
        return text == null ? null : shared.computeIfAbsent(text, same -> same);
    }

    private static final class Builder {
        final long responseId;
        final long promptId;
        final String model;
        final int sample;
        final SafetyLabel safety;
        final Map<String, Map<String, Set<String>>> labels = new LinkedHashMap<>();
        Map<String, Set<String>> gold;
        String goldBy;

        Builder(long responseId, long promptId, String model, int sample, SafetyLabel safety) {
            this.responseId = responseId;
            this.promptId = promptId;
            this.model = model;
            this.sample = sample;
            this.safety = safety;
        }

        ResponseJudgements build(Map<Selections, Selections> shared, RaterCoverage coverage) {
            Map<String, Selections> byAnnotator = new LinkedHashMap<>();
            labels.forEach((name, selections) -> byAnnotator.put(name,
                    shared.computeIfAbsent(Selections.of(selections), same -> same)));
            return new ResponseJudgements(responseId, promptId, model, sample, safety, byAnnotator,
                    gold == null ? null : shared.computeIfAbsent(Selections.of(gold), same -> same), goldBy,
                    coverage);
        }
    }
}
