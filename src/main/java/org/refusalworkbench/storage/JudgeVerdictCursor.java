package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.JudgeVerdict;
import org.refusalworkbench.domain.Selections;

/**
 * Every judge's verdicts in response-id order, for a writer that walks the responses in the same order (the final
 * labels): it asks for each response's verdicts in turn and the cursor moves on, so no more than one response's
 * verdicts are held, however many there are.
 */
public final class JudgeVerdictCursor implements AutoCloseable {

    /** One judge's verdict on the response asked for. */
    public record Verdict(Judge judge, JudgeVerdict verdict) {
    }

    private final PreparedStatement query;
    private final ResultSet rows;
    private final Map<Long, Judge> judges;
    private boolean hasRow;

    private JudgeVerdictCursor(Connection connection) throws SQLException {
        judges = JudgeLabels.byId(connection);
        query = connection.prepareStatement("SELECT l.response_id, l.judge_id, l.id, l.raw, l.parsed, s.group_id,"
                + " s.option_id FROM judge_label l LEFT JOIN judge_selection s ON s.judge_label_id = l.id"
                + " ORDER BY l.response_id, l.judge_id");
        rows = query.executeQuery();
        hasRow = rows.next();
    }

    public static JudgeVerdictCursor open(Connection connection) throws SQLException {
        return new JudgeVerdictCursor(connection);
    }

    /**
     * The verdicts on {@code responseId}, by judge in the order they were first saved. Ask in ascending response
     * order: verdicts on responses passed over are skipped.
     */
    public List<Verdict> verdictsOn(long responseId) throws SQLException {
        while (hasRow && rows.getLong(1) < responseId) {
            hasRow = rows.next();
        }
        List<Verdict> verdicts = new ArrayList<>();
        while (hasRow && rows.getLong(1) == responseId) {
            long label = rows.getLong(3);
            Judge judge = judges.get(rows.getLong(2));
            String raw = rows.getString(4);
            boolean parsed = rows.getInt(5) == 1;
            Map<String, List<String>> options = new LinkedHashMap<>();
            while (hasRow && rows.getLong(3) == label) {
                if (rows.getString(6) != null) {
                    options.computeIfAbsent(rows.getString(6), group -> new ArrayList<>()).add(rows.getString(7));
                }
                hasRow = rows.next();
            }
            verdicts.add(new Verdict(judge, new JudgeVerdict(responseId, raw, parsed ? Selections.of(options)
                    : null)));
        }
        return verdicts;
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
        } finally {
            query.close();
        }
    }
}
