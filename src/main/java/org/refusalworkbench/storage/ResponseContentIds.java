package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The content ids of every response and its prompt, with what they are (texts, category, the imported file's own
 * ids), walked in response row-id order: what a final-labels file needs to stand alone.
 */
public final class ResponseContentIds {

    /**
     * One response's ids, as label files write them (hex), and its content.
     *
     * @param transcriptJson the transcript as stored, or {@code null} for a response given as text
     */
    public record Ids(long responseId, String responseUid, String promptUid, String responseExternalId,
                      String promptExternalId, String promptText, String category, String responseText,
                      String transcriptJson) {
    }

    @FunctionalInterface
    public interface Visitor {
        void visit(Ids ids) throws Exception;
    }

    private ResponseContentIds() {
    }

    public static void forEach(Connection connection, Visitor visitor) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("SELECT r.id, r.uid, p.uid,"
                + " r.external_id, p.external_id, p.text, p.category, r.text, r.transcript_json FROM response r"
                + " JOIN prompt p ON p.id = r.prompt_id ORDER BY r.id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                visitor.visit(new Ids(rows.getLong(1), ContentIds.hex(rows.getBytes(2)),
                        ContentIds.hex(rows.getBytes(3)), rows.getString(4), rows.getString(5), rows.getString(6),
                        rows.getString(7), rows.getString(8), rows.getString(9)));
            }
        }
    }
}
