package org.refusalworkbench.labelfile;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.SortedSet;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.storage.ExportedJudgement;
import org.refusalworkbench.storage.JudgeLabels;

/**
 * Writes a label file record by record with Jackson's streaming generator, so nothing but the current record is
 * ever held. Fields are always written in the same order, and absent values as {@code null} rather than left out,
 * so files diff cleanly and every record of a type has the same keys.
 */
public final class LabelFileWriter implements AutoCloseable {

    private final JsonGenerator json;
    private long judgements;

    public LabelFileWriter(OutputStream out) throws IOException {
        this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        this.json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // Records end with a line break of their own; Jackson's default space between root values would start every
        // line after the first with a blank.
        this.json.setRootValueSeparator(null);
    }

    public void header(LabelFileHeader header) throws IOException {
        json.writeStartObject();
        json.writeStringField("record", "header");
        json.writeStringField("format", LabelFileHeader.FORMAT);
        json.writeNumberField("format_version", header.formatVersion());
        json.writeObjectFieldStart("taxonomy");
        json.writeStringField("id", header.taxonomyId());
        json.writeStringField("version", header.taxonomyVersion());
        json.writeStringField("content_hash", header.taxonomyHash());
        json.writeEndObject();
        json.writeObjectFieldStart("project");
        json.writeStringField("id", header.projectId());
        json.writeStringField("name", header.projectName());
        json.writeEndObject();
        json.writeStringField("exported_at", header.exportedAt());
        json.writeStringField("app_version", header.appVersion());
        json.writeObjectFieldStart("contents");
        json.writeStringField("annotator", header.annotator());
        json.writeBooleanField("gold_only", header.goldOnly());
        json.writeEndObject();
        endRecord();
    }

    public void judgement(ExportedJudgement row) throws IOException {
        RecordType type = RecordType.of(row.kind());
        json.writeStartObject();
        json.writeStringField("record", type.wireName);
        if (type.belongsToResponse()) {
            json.writeStringField("response_id", row.responseUid());
        }
        json.writeStringField("prompt_id", row.promptUid());
        if (type.belongsToResponse()) {
            json.writeStringField("model", row.model());
            json.writeNumberField("sample", row.sample());
        }
        json.writeStringField(type.personField, row.person());
        json.writeFieldName(type.selectionsField);
        selections(row.selections());
        json.writeStringField(type.textField, row.text());
        json.writeStringField("created_at", row.createdAt());
        json.writeStringField("updated_at", row.updatedAt());
        if (type == RecordType.LABEL) {
            json.writeNumberField("seconds_spent", row.secondsSpent() == null ? 0 : row.secondsSpent());
        }
        endRecord();
        judgements++;
    }

    /**
     * A judge's verdict, as a record of its own kind so no reader takes it for a person's label: the judge by name
     * and version, its raw output, and its selections (null where the output is no option).
     */
    public void judge(JudgeLabels.Exported verdict) throws IOException {
        json.writeStartObject();
        json.writeStringField("record", "judge");
        json.writeStringField("response_id", verdict.responseUid());
        json.writeStringField("prompt_id", verdict.promptUid());
        json.writeStringField("model", verdict.model());
        json.writeNumberField("sample", verdict.sample());
        json.writeStringField("judge", verdict.name());
        json.writeStringField("judge_version", verdict.version());
        json.writeStringField("raw", verdict.raw());
        json.writeFieldName("selections");
        if (verdict.selections() == null) {
            json.writeNull();
        } else {
            selections(verdict.selections());
        }
        json.writeStringField("created_at", verdict.createdAt());
        endRecord();
        judgements++;
    }

    /** The last record, which lets a reader tell a complete file from one cut short at a line break. */
    public void end() throws IOException {
        json.writeStartObject();
        json.writeStringField("record", "end");
        json.writeNumberField("records", judgements);
        endRecord();
    }

    public long judgements() {
        return judgements;
    }

    private void selections(Selections selections) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, SortedSet<String>> group : selections.asMap().entrySet()) {
            json.writeArrayFieldStart(group.getKey());
            for (String option : group.getValue()) {
                json.writeString(option);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private void endRecord() throws IOException {
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
