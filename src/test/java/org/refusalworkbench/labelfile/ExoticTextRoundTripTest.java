package org.refusalworkbench.labelfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text that breaks naive tools — a 10 MB response, emoji, right-to-left scripts, control characters, deeply
 * nested metadata — survives import, export and merge into another workstation's project unchanged.
 */
class ExoticTextRoundTripTest {

    private static final String MIXED = "Emoji 🙅‍♀️🔒 and flags 🇩🇪, Arabic لا أستطيع المساعدة, Hebrew אני לא יכול,"
            + " controls \u0001\u0007\u001b[31m, tab\tand zero-width\u200b joiner, combining e\u0301";

    @TempDir
    Path folder;

    @Test
    void longRightToLeftEmojiAndControlTextRoundTripsThroughImportExportAndMerge() throws Exception {
        String huge = (MIXED + "\n").repeat(10 * 1024 * 1024 / MIXED.length() + 1);
        String responses = line(huge, false) + "\n";
        String labelled = line(huge, true) + "\n";
        try (LabelProject workstation = new LabelProject(folder, "workstation", labelled);
             LabelProject lead = new LabelProject(folder, "lead", responses)) {
            assertThat(text(workstation, "SELECT text FROM response")).isEqualTo(huge);
            assertThat(text(workstation, "SELECT meta_json FROM response")).contains("\"level\":199");

            Path first = workstation.exportLabelFile("first.jsonl");
            MergeSummary merged = lead.merge(first);
            Path second = lead.exportLabelFile("second.jsonl");

            assertThat(merged.added()).isEqualTo(2);
            assertThat(LabelFileLines.withoutHeader(second)).isEqualTo(LabelFileLines.withoutHeader(first));
            assertThat(text(lead, "SELECT note FROM label")).isEqualTo(MIXED);
            assertThat(text(lead, "SELECT intent_note FROM prompt_label")).isEqualTo(MIXED);
        }
    }

    private static String line(String response, boolean withLabels) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode record = json.objectNode();
        record.put("prompt_id", "exotic-1");
        record.put("prompt", "مرحبا 👋 " + MIXED);
        record.put("model", "m-ltr‮rtl");
        record.put("response", response);
        ObjectNode meta = record.putObject("meta");
        ObjectNode nested = meta;
        for (int level = 0; level < 200; level++) {
            nested = nested.putObject("n");
            nested.put("level", level);
        }
        if (withLabels) {
            ObjectNode label = record.putObject("labels").putObject("ann-🙂");
            label.putObject("selections").putArray("response_type").add("full_refusal");
            label.put("note", MIXED);
            ObjectNode intent = record.putObject("prompt_labels").putObject("ann-🙂");
            intent.putObject("selections").putArray("user_intent").add("ambiguous");
            intent.put("note", MIXED);
        }
        return record.toString();
    }

    private static String text(LabelProject project, String sql) {
        return project.database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        });
    }
}
