package org.refusalworkbench.labelfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published JSON Schema and the exporter must describe the same records. */
class LabelFormatSchemaTest {

    @TempDir
    Path folder;

    @Test
    void everyExportedRecordHasTheSchemasRequiredFieldsAndNoOthers() throws Exception {
        JsonNode definitions = JsonMapper.builder().build()
                .readTree(Path.of("docs/schemas/label-file.schema.json").toFile()).get("$defs");
        try (LabelProject project = new LabelProject(folder, "p", LabelProject.LABELLED)) {
            List<ObjectNode> records = LabelFileLines.read(project.exportLabelFile("labels.jsonl"));

            for (ObjectNode record : records) {
                JsonNode schema = definitions.get(record.get("record").asText());
                List<String> allowed = names(schema.get("properties"));
                assertThat(names(record)).as(record.get("record").asText()).isSubsetOf(allowed);
                for (JsonNode required : schema.get("required")) {
                    assertThat(record.has(required.asText())).as(required.asText()).isTrue();
                }
            }
            assertThat(records).extracting(record -> record.get("record").asText())
                    .contains("header", "label", "intent", "adjudication", "end");
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
