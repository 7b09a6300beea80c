package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.refusalworkbench.domain.Selections;

/**
 * Streams labels, intent labels or adjudications in a stable order (by content id, then person), one row at a time,
 * so an export of millions of labels needs no more memory than one row and two exports of equal projects are equal
 * byte for byte. Selections come from a correlated subquery, which spares a query per row.
 */
public final class LabelExportQuery {

    /** Receives rows one at a time. */
    @FunctionalInterface
    public interface RowHandler {
        void accept(ExportedJudgement row) throws Exception;
    }

    /** Receives labels joined with the same annotator's intent label of the response's prompt. */
    @FunctionalInterface
    public interface LabelWithIntentHandler {
        void accept(ExportedJudgement label, Selections intentSelections, String intentNote) throws Exception;
    }

    /** Option ids are {@code [a-z][a-z0-9_]*}, so these two characters can never occur inside one. */
    private static final String PAIR_SEPARATOR = ",";
    private static final String GROUP_OPTION_SEPARATOR = ".";

    private LabelExportQuery() {
    }

    /** @param person only this annotator's (or reviewer's) rows, or {@code null} for everyone's */
    public static long count(Connection connection, LabelKind kind, String person) throws SQLException {
        String sql = "SELECT count(*) FROM " + kind.table + " t JOIN annotator a ON a.id = t." + kind.personColumn
                + (person == null ? "" : " WHERE a.name = ?");
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (person != null) {
                query.setString(1, person);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    public static void forEach(Connection connection, LabelKind kind, String person, RowHandler handler)
            throws Exception {
        try (PreparedStatement query = connection.prepareStatement(sql(kind, byPerson(person)))) {
            if (person != null) {
                query.setString(1, person);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    handler.accept(row(kind, rows));
                }
            }
        }
    }

    /** The rows of one prompt (its intent labels, or the labels or adjudications of its responses). */
    public static void forEachOfPrompt(Connection connection, LabelKind kind, String promptUid, RowHandler handler)
            throws Exception {
        String sql = sql(kind, " WHERE p.uid = ?");
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setBytes(1, ContentIds.parseHex(promptUid));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    handler.accept(row(kind, rows));
                }
            }
        }
    }

    /**
     * Labels in the same order as {@link #forEach}, each with its annotator's intent label for the prompt (empty
     * selections and no note when there is none): one row per label, as a spreadsheet wants it.
     */
    public static void forEachLabelWithIntent(Connection connection, String person, LabelWithIntentHandler handler)
            throws Exception {
        String sql = "SELECT r.uid, p.uid, r.model, r.sample, a.name, " + selectionsOf(LabelKind.RESPONSE_LABEL, "t")
                + ", t.note, t.created_at, t.updated_at, t.seconds_spent, "
                + selectionsOf(LabelKind.PROMPT_LABEL, "i") + ", i.intent_note FROM label t"
                + " JOIN response r ON r.id = t.response_id JOIN prompt p ON p.id = r.prompt_id"
                + " JOIN annotator a ON a.id = t.annotator_id"
                + " LEFT JOIN prompt_label i ON i.prompt_id = r.prompt_id AND i.annotator_id = t.annotator_id"
                + byPerson(person) + " ORDER BY r.uid, a.name";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (person != null) {
                query.setString(1, person);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    handler.accept(row(LabelKind.RESPONSE_LABEL, rows), parseSelections(rows.getString(11)),
                            rows.getString(12));
                }
            }
        }
    }

    private static String selectionsOf(LabelKind kind, String alias) {
        return "(SELECT " + SqliteDialect.joined("s.group_id || '" + GROUP_OPTION_SEPARATOR + "' || s.option_id",
                PAIR_SEPARATOR) + " FROM " + kind.selectionTable + " s WHERE s." + kind.selectionKey + " = "
                + alias + ".id)";
    }

    private static String byPerson(String person) {
        return person == null ? "" : " WHERE a.name = ?";
    }

    /** @param where a WHERE clause over aliases t (the judgement), r, p and a, or "" */
    private static String sql(LabelKind kind, String where) {
        String selections = selectionsOf(kind, "t");
        return switch (kind) {
            case RESPONSE_LABEL -> "SELECT r.uid, p.uid, r.model, r.sample, a.name, " + selections + ", t.note,"
                    + " t.created_at, t.updated_at, t.seconds_spent FROM label t"
                    + " JOIN response r ON r.id = t.response_id JOIN prompt p ON p.id = r.prompt_id"
                    + " JOIN annotator a ON a.id = t.annotator_id" + where + " ORDER BY r.uid, a.name";
            case ADJUDICATION -> "SELECT r.uid, p.uid, r.model, r.sample, a.name, " + selections + ", t.reason,"
                    + " t.created_at, t.updated_at, NULL FROM adjudication t"
                    + " JOIN response r ON r.id = t.response_id JOIN prompt p ON p.id = r.prompt_id"
                    + " JOIN annotator a ON a.id = t.reviewer_id" + where + " ORDER BY r.uid";
            case PROMPT_LABEL -> "SELECT NULL, p.uid, NULL, NULL, a.name, " + selections + ", t.intent_note,"
                    + " t.created_at, t.updated_at, NULL FROM prompt_label t"
                    + " JOIN prompt p ON p.id = t.prompt_id"
                    + " JOIN annotator a ON a.id = t.annotator_id" + where + " ORDER BY p.uid, a.name";
        };
    }

    private static ExportedJudgement row(LabelKind kind, ResultSet rows) throws SQLException {
        byte[] responseUid = rows.getBytes(1);
        int sample = rows.getInt(4);
        Integer sampleOrNull = rows.wasNull() ? null : sample;
        int seconds = rows.getInt(10);
        Integer secondsOrNull = rows.wasNull() ? null : seconds;
        return new ExportedJudgement(kind, responseUid == null ? null : ContentIds.hex(responseUid),
                ContentIds.hex(rows.getBytes(2)), rows.getString(3), sampleOrNull, rows.getString(5),
                parseSelections(rows.getString(6)), rows.getString(7), rows.getString(8), rows.getString(9),
                secondsOrNull);
    }

    static Selections parseSelections(String concatenated) {
        if (concatenated == null || concatenated.isEmpty()) {
            return Selections.none();
        }
        Map<String, List<String>> byGroup = new HashMap<>();
        for (String pair : concatenated.split(PAIR_SEPARATOR)) {
            int dot = pair.indexOf(GROUP_OPTION_SEPARATOR);
            byGroup.computeIfAbsent(pair.substring(0, dot), group -> new ArrayList<>()).add(pair.substring(dot + 1));
        }
        return Selections.of(byGroup);
    }
}
