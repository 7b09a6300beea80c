package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The content ids of every response and its prompt, walked in response row-id order. */
public final class ResponseContentIds {

    /** One response's ids, as label files write them (hex). */
    public record Ids(long responseId, String responseUid, String promptUid) {
    }

    @FunctionalInterface
    public interface Visitor {
        void visit(Ids ids) throws Exception;
    }

    private ResponseContentIds() {
    }

    public static void forEach(Connection connection, Visitor visitor) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("SELECT r.id, r.uid, p.uid FROM response r"
                + " JOIN prompt p ON p.id = r.prompt_id ORDER BY r.id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                visitor.visit(new Ids(rows.getLong(1), ContentIds.hex(rows.getBytes(2)),
                        ContentIds.hex(rows.getBytes(3))));
            }
        }
    }
}
