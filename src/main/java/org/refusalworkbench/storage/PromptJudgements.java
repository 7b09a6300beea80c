package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A prompt with its responses and every judgement of them, read one prompt at a time: what comparing responses to
 * the same prompt (preference pairs) needs, with memory bounded by the largest prompt rather than the project.
 */
public record PromptJudgements(String promptUid, String externalId, String text, String category, String safety,
                               List<ExportedJudgement> intents, List<ResponseJudgements> responses) {

    /**
     * One response with its labels and adjudication ({@code null} when it has none); {@code externalId} is the id
     * the imported file gave it, if any.
     */
    public record ResponseJudgements(String responseUid, String externalId, String model, int sample, String text,
                                     String transcriptJson, List<ExportedJudgement> labels, ExportedJudgement gold) {
    }

    /** Receives prompts one at a time. */
    @FunctionalInterface
    public interface Handler {
        void accept(PromptJudgements prompt) throws Exception;
    }

    public static void forEach(Connection connection, Handler handler) throws Exception {
        try (PreparedStatement prompts = connection.prepareStatement(
                     "SELECT id, uid, text, safety, external_id, category FROM prompt ORDER BY uid");
             PreparedStatement responses = connection.prepareStatement("SELECT id, uid, model, sample, text,"
                     + " transcript_json, external_id FROM response WHERE prompt_id = ? ORDER BY uid");
             ResultSet rows = prompts.executeQuery()) {
            while (rows.next()) {
                long promptId = rows.getLong(1);
                String promptUid = ContentIds.hex(rows.getBytes(2));
                Map<String, List<ExportedJudgement>> labels = byResponse(connection, LabelKind.RESPONSE_LABEL,
                        promptUid);
                Map<String, List<ExportedJudgement>> gold = byResponse(connection, LabelKind.ADJUDICATION, promptUid);
                List<ResponseJudgements> judged = new ArrayList<>();
                responses.setLong(1, promptId);
                try (ResultSet responseRows = responses.executeQuery()) {
                    while (responseRows.next()) {
                        String uid = ContentIds.hex(responseRows.getBytes(2));
                        List<ExportedJudgement> goldOfResponse = gold.getOrDefault(uid, List.of());
                        judged.add(new ResponseJudgements(uid, responseRows.getString(7), responseRows.getString(3),
                                responseRows.getInt(4),
                                responseRows.getString(5), responseRows.getString(6),
                                labels.getOrDefault(uid, List.of()),
                                goldOfResponse.isEmpty() ? null : goldOfResponse.get(0)));
                    }
                }
                List<ExportedJudgement> intents = new ArrayList<>();
                LabelExportQuery.forEachOfPrompt(connection, LabelKind.PROMPT_LABEL, promptUid, intents::add);
                handler.accept(new PromptJudgements(promptUid, rows.getString(5), rows.getString(3),
                        rows.getString(6), rows.getString(4), intents, judged));
            }
        }
    }

    private static Map<String, List<ExportedJudgement>> byResponse(Connection connection, LabelKind kind,
                                                                   String promptUid) throws Exception {
        Map<String, List<ExportedJudgement>> byResponse = new HashMap<>();
        LabelExportQuery.forEachOfPrompt(connection, kind, promptUid,
                row -> byResponse.computeIfAbsent(row.responseUid(), uid -> new ArrayList<>()).add(row));
        return byResponse;
    }
}
