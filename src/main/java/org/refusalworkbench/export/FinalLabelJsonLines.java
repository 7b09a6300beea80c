package org.refusalworkbench.export;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Final labels as one JSON object a line: {@code {"response_id", "prompt_id", "model", "sample", "prompt_safety",
 * "labels": {group: {"options", "source"}}}}.
 */
public final class FinalLabelJsonLines implements FinalLabelWriter {

    private final JsonGenerator json;

    public FinalLabelJsonLines(Writer out) throws IOException {
        json = new JsonFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
    }

    @Override
    public void write(FinalLabelRow row) throws IOException {
        json.writeStartObject();
        json.writeStringField("response_id", row.responseId());
        json.writeStringField("prompt_id", row.promptId());
        json.writeStringField("model", row.model());
        json.writeNumberField("sample", row.sample());
        json.writeStringField("prompt_safety", row.promptSafety());
        json.writeObjectFieldStart("labels");
        for (FinalLabelRow.Group group : row.groups()) {
            json.writeObjectFieldStart(group.id());
            json.writeArrayFieldStart("options");
            for (String option : group.options()) {
                json.writeString(option);
            }
            json.writeEndArray();
            json.writeStringField("source", group.source());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void finish() throws IOException {
        json.flush();
    }
}
