package org.refusalworkbench.export;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Final labels as one JSON object a line, standing alone: {@code {"response_id", "prompt_id", "model", "sample",
 * "prompt_safety", "response_external_id", "prompt_external_id", "category", "prompt", "response", "messages",
 * "labels": {group: {"options", "source"}}, "judges": [{"judge", "selections", "raw"}]}}; {@code response} is
 * {@code null} for a transcript and {@code messages} for a response given as text; a judge's {@code selections}
 * are {@code null} for an output that is no option.
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
        FinalLabelRow.Content content = row.content();
        json.writeStringField("response_external_id", content.responseExternalId());
        json.writeStringField("prompt_external_id", content.promptExternalId());
        json.writeStringField("category", content.category());
        json.writeStringField("prompt", content.prompt());
        json.writeStringField("response", content.response());
        if (content.messages() == null) {
            json.writeNullField("messages");
        } else {
            json.writeArrayFieldStart("messages");
            for (FinalLabelRow.Message message : content.messages()) {
                json.writeStartObject();
                json.writeStringField("role", message.role());
                json.writeStringField("content", message.content());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
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
        json.writeArrayFieldStart("judges");
        for (FinalLabelRow.JudgeCell judge : row.judges()) {
            json.writeStartObject();
            json.writeStringField("judge", judge.judge());
            if (judge.selections() == null) {
                json.writeNullField("selections");
            } else {
                json.writeObjectFieldStart("selections");
                for (var group : judge.selections().asMap().entrySet()) {
                    json.writeArrayFieldStart(group.getKey());
                    for (String option : group.getValue()) {
                        json.writeString(option);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeStringField("raw", judge.raw());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void finish() throws IOException {
        json.flush();
    }
}
