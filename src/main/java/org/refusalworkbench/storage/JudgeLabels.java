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
import java.util.function.Consumer;

import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.JudgeVerdict;
import org.refusalworkbench.domain.Selections;

/**
 * Judges' labels: written for a judge and version at a time, read per judge for reports. Saving a label a judge
 * already has for a response changes nothing, so running or importing a judge twice adds nothing.
 */
public final class JudgeLabels {

    private JudgeLabels() {
    }

    /** What a response offers a judge: its text, or the last assistant turn of its transcript. */
    public record Input(long responseId, String text, String transcriptJson) {
    }

    /** Every response, in id order, for a judge to read. */
    public static void forEachInput(Connection connection, Consumer<Input> inputs) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, text, transcript_json FROM response ORDER BY id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                inputs.accept(new Input(rows.getLong(1), rows.getString(2), rows.getString(3)));
            }
        }
    }

    /**
     * A judge's label as exports write it: the response by content ids, the judge by name and version (and as
     * {@code name@version} in {@link #judge}); {@code selections} is null for an unparsed output.
     */
    public record Exported(String name, String version, String responseUid, String promptUid, String model,
                           int sample, String raw, Selections selections, String createdAt) {

        public String judge() {
            return name + "@" + version;
        }
    }

    /** A receiver of exported judge labels that may fail with the export's own exceptions. */
    public interface ExportedHandler {
        void accept(Exported label) throws Exception;
    }

    /** Every judge label, by judge and response, with each response's content ids. */
    public static void forEachExported(Connection connection, ExportedHandler handler) throws Exception {
        Map<Long, Map<String, List<String>>> selections = selectionsByLabel(connection);
        try (PreparedStatement query = connection.prepareStatement("SELECT l.id, j.name, j.version,"
                + " lower(hex(r.uid)), lower(hex(p.uid)), r.model, r.sample, l.raw, l.parsed, l.created_at"
                + " FROM judge_label l JOIN judge j ON j.id = l.judge_id JOIN response r ON r.id = l.response_id"
                + " JOIN prompt p ON p.id = r.prompt_id ORDER BY j.id, r.id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Selections parsed = rows.getInt(9) == 1
                        ? Selections.of(selections.getOrDefault(rows.getLong(1), Map.of())) : null;
                handler.accept(new Exported(rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getInt(7), rows.getString(8), parsed,
                        rows.getString(10)));
            }
        }
    }

    /** Each response's prompt category, for the responses whose prompt has one. */
    public static Map<Long, String> categories(Connection connection) throws SQLException {
        Map<Long, String> categories = new HashMap<>();
        Map<String, String> shared = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT r.id, p.category FROM response r"
                + " JOIN prompt p ON p.id = r.prompt_id WHERE p.category IS NOT NULL");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String category = rows.getString(2);
                categories.put(rows.getLong(1), shared.computeIfAbsent(category, c -> c));
            }
        }
        return categories;
    }

    /** The response id of each content id, in order; {@code -1} where the project has no such response. */
    public static long[] responseIds(Connection connection, List<byte[]> uids) throws SQLException {
        long[] ids = new long[uids.size()];
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM response WHERE uid = ?")) {
            for (int i = 0; i < ids.length; i++) {
                query.setBytes(1, uids.get(i));
                try (ResultSet found = query.executeQuery()) {
                    ids[i] = found.next() ? found.getLong(1) : -1;
                }
            }
        }
        return ids;
    }

    /** @return how many verdicts were new */
    public static int save(Connection connection, Judge judge, List<JudgeVerdict> verdicts) throws SQLException {
        long judgeId = judgeId(connection, judge);
        String now = Timestamps.now();
        int added = 0;
        try (PreparedStatement label = connection.prepareStatement("INSERT INTO judge_label (response_id,"
                + " judge_id, raw, parsed, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (response_id, judge_id)"
                + " DO NOTHING RETURNING id");
             PreparedStatement selection = connection.prepareStatement("INSERT INTO judge_selection"
                     + " (judge_label_id, group_id, option_id) VALUES (?, ?, ?)")) {
            for (JudgeVerdict verdict : verdicts) {
                label.setLong(1, verdict.responseId());
                label.setLong(2, judgeId);
                label.setString(3, verdict.raw());
                label.setInt(4, verdict.parsed() ? 1 : 0);
                label.setString(5, now);
                try (ResultSet inserted = label.executeQuery()) {
                    if (!inserted.next()) {
                        continue;
                    }
                    added++;
                    long labelId = inserted.getLong(1);
                    if (verdict.parsed()) {
                        for (Map.Entry<String, ? extends java.util.Set<String>> group
                                : verdict.selections().asMap().entrySet()) {
                            for (String option : group.getValue()) {
                                selection.setLong(1, labelId);
                                selection.setString(2, group.getKey());
                                selection.setString(3, option);
                                selection.addBatch();
                            }
                        }
                    }
                }
            }
            selection.executeBatch();
        }
        return added;
    }

    /** What saving one verdict did: added it, found the same one, or found another for that judge and response. */
    public enum Saved { ADDED, SAME, DIFFERENT }

    /**
     * Saves one verdict unless the judge already has one for the response: a judge version's verdicts are never
     * edited, so a different one is reported, not written.
     */
    public static Saved saveOne(Connection connection, Judge judge, JudgeVerdict verdict) throws SQLException {
        if (save(connection, judge, List.of(verdict)) == 1) {
            return Saved.ADDED;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT l.raw, l.parsed, s.group_id, s.option_id"
                + " FROM judge_label l JOIN judge j ON j.id = l.judge_id LEFT JOIN judge_selection s"
                + " ON s.judge_label_id = l.id WHERE j.name = ? AND j.version = ? AND l.response_id = ?")) {
            query.setString(1, judge.name());
            query.setString(2, judge.version());
            query.setLong(3, verdict.responseId());
            String raw = null;
            boolean parsed = false;
            Map<String, List<String>> options = new LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    raw = rows.getString(1);
                    parsed = rows.getInt(2) == 1;
                    if (rows.getString(3) != null) {
                        options.computeIfAbsent(rows.getString(3), group -> new ArrayList<>()).add(rows.getString(4));
                    }
                }
            }
            boolean same = java.util.Objects.equals(raw, verdict.raw()) && parsed == verdict.parsed()
                    && (!parsed || Selections.of(options).equals(verdict.selections()));
            return same ? Saved.SAME : Saved.DIFFERENT;
        }
    }

    /** The project's judges by row id, in the order they were first saved. */
    public static Map<Long, Judge> byId(Connection connection) throws SQLException {
        Map<Long, Judge> judges = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, name, version FROM judge ORDER BY id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                judges.put(rows.getLong(1), new Judge(rows.getString(2), rows.getString(3)));
            }
        }
        return judges;
    }

    /** Every judge's verdicts, by judge in the order they were first saved, each by response id. */
    public static Map<Judge, Map<Long, JudgeVerdict>> all(Connection connection) throws SQLException {
        Map<Long, Judge> judges = byId(connection);
        Map<Long, Map<String, List<String>>> selections = selectionsByLabel(connection);
        Map<Judge, Map<Long, JudgeVerdict>> verdicts = new LinkedHashMap<>();
        judges.values().forEach(judge -> verdicts.put(judge, new HashMap<>()));
        try (PreparedStatement query = connection.prepareStatement("SELECT id, judge_id, response_id, raw, parsed"
                + " FROM judge_label");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Selections parsed = rows.getInt(5) == 1
                        ? Selections.of(selections.getOrDefault(rows.getLong(1), Map.of())) : null;
                verdicts.get(judges.get(rows.getLong(2))).put(rows.getLong(3),
                        new JudgeVerdict(rows.getLong(3), rows.getString(4), parsed));
            }
        }
        return verdicts;
    }

    /** Every judge label's options, by label id and group: one scan for all of them. */
    private static Map<Long, Map<String, List<String>>> selectionsByLabel(Connection connection) throws SQLException {
        Map<Long, Map<String, List<String>>> selections = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT judge_label_id, group_id, option_id"
                + " FROM judge_selection");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                selections.computeIfAbsent(rows.getLong(1), id -> new LinkedHashMap<>())
                        .computeIfAbsent(rows.getString(2), group -> new ArrayList<>()).add(rows.getString(3));
            }
        }
        return selections;
    }

    private static long judgeId(Connection connection, Judge judge) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO judge (name, version) VALUES (?, ?)"
                + " ON CONFLICT (name, version) DO NOTHING")) {
            insert.setString(1, judge.name());
            insert.setString(2, judge.version());
            insert.executeUpdate();
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM judge WHERE name = ? AND"
                + " version = ?")) {
            query.setString(1, judge.name());
            query.setString(2, judge.version());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
