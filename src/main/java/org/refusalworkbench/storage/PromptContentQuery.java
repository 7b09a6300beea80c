package org.refusalworkbench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.domain.Prompt;
import org.refusalworkbench.domain.PromptContent;
import org.refusalworkbench.domain.Response;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.domain.Turn;

/** Reads one prompt with all its responses, as the labelling and review views show them. */
public final class PromptContentQuery {

    /** Lenient: stored turns also carry derived fields (such as "user") written by the importer. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<List<Turn>> TURNS = new TypeReference<>() { };

    private PromptContentQuery() {
    }

    /**
     * The start of every prompt's text, by prompt id, with runs of white space as one space: what a list of a
     * project's responses shows to say which prompt each answers. SQLite cuts the text, so a long prompt costs no
     * more than a short one.
     */
    public static Map<Long, String> excerpts(Connection connection, int length) throws SQLException {
        Map<Long, String> excerpts = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, substr(text, 1, ?)"
                + " FROM prompt")) {
            query.setInt(1, length + 1);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String text = rows.getString(2) == null ? "" : rows.getString(2).strip().replaceAll("\\s+", " ");
                    excerpts.put(rows.getLong(1), text.length() > length ? text.substring(0, length).strip() + "…"
                            : text);
                }
            }
        }
        return excerpts;
    }

    /** Whether the project still has this prompt (an import removed since may have taken it). */
    public static boolean exists(Connection connection, long promptId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM prompt WHERE id = ?")) {
            query.setLong(1, promptId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    public static PromptContent load(Connection connection, long promptId) throws SQLException {
        Prompt prompt;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, uid, external_id, text, category, safety, meta_json FROM prompt WHERE id = ?")) {
            query.setLong(1, promptId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new StorageException("prompt " + promptId + " does not exist");
                }
                prompt = new Prompt(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), SafetyLabel.valueOf(rows.getString(6).toUpperCase(Locale.ROOT)),
                        rows.getString(7));
            }
        }
        List<Response> responses = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, uid, prompt_id, model, sample, text,"
                + " transcript_json, meta_json FROM response WHERE prompt_id = ? ORDER BY model, sample, id")) {
            query.setLong(1, promptId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    responses.add(new Response(rows.getLong(1), rows.getString(2), rows.getLong(3),
                            rows.getString(4), rows.getInt(5), rows.getString(6), turns(rows.getString(7)),
                            rows.getString(8)));
                }
            }
        }
        return new PromptContent(prompt, responses);
    }

    private static List<Turn> turns(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, TURNS);
        } catch (JsonProcessingException e) {
            throw new StorageException("a stored transcript is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
