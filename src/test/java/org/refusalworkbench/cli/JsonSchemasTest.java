package org.refusalworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.TestData;
import org.refusalworkbench.demo.DemoProject;
import org.refusalworkbench.labelfile.LabelProject;

/**
 * Every JSON output, checked against its schema in docs/schemas with a real JSON Schema validator (draft 2020-12),
 * on two projects: the demo (three annotators, transcripts) and a labelled one with gold labels. The schemas are
 * strict (no unknown fields), so a field added to an output without its schema fails here.
 */
class JsonSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @TempDir
    Path folder;
    private List<Path> projects;

    @BeforeEach
    void projects() throws Exception {
        new LabelProject(folder, "labelled", LabelProject.LABELLED).close();
        projects = List.of(new DemoProject(folder, "test").ensure(), folder.resolve("labelled.db"));
    }

    @Test
    void everyJsonOutputOfBothProjectsIsValidAgainstItsSchema() throws Exception {
        for (Path project : projects) {
            String p = project.toString();
            valid("report-agreement", run("report", "agreement", p, "--json"));
            valid("report-agreement", run("agreement", p, "--json", "--bootstrap", "20"));
            valid("report-calibration", run("report", "calibration", p, "--json"));
            valid("report-calibration", run("report", "calibration", p, "--json", "--by", "category"));
            valid("report-calibration", run("report", "calibration", p, "--json", "--by", "safety"));
            valid("stats", run("stats", p, "--json"));
            lines("final-labels", run("report", "final-labels", p));
            lines("label-table", exported(p, "label-table"));
            lines("trl-dpo", exported(p, "trl-dpo"));
            lines("trl-kto", exported(p, "trl-kto"));
            lines("preference", exported(p, "preference"));
            lines("label-file", exported(p, "jsonl"));
        }
    }

    @Test
    void theRatingsAgreementJsonIsValidAgainstItsSchema() throws Exception {
        Path ratings = Files.writeString(folder.resolve("ratings.csv"), "unit,rater,value\nr1,a,yes\nr1,b,yes\n"
                + "r2,a,no\nr2,b,yes\nr3,a,no\nr3,b,no\nr3,c,no\n");

        valid("agreement-ratings", run("agreement", "--ratings", ratings.toString(), "--level", "nominal",
                "--json"));
    }

    @Test
    void theXstestProjectsOutputsAreValidToo() throws Exception {
        Path project = folder.resolve("xstest.db");
        run("init", project.toString());
        run("import", project.toString(), TestData.xstestCompletions("gpt4").toString());

        run("judge", project.toString(), "--method", "xstest-strmatch");
        lines("final-labels", run("report", "final-labels", project.toString()));
        lines("label-table", exported(project.toString(), "label-table"));
        lines("label-file", exported(project.toString(), "jsonl"));
        valid("report-judges", run("report", "judges", project.toString(), "--json", "--bootstrap", "20"));
        valid("report-calibration", run("report", "calibration", project.toString(), "--json"));
        valid("report-calibration", run("report", "calibration", project.toString(), "--json", "--by",
                "category"));
        String judge = JSON.readTree(run("report", "judges", project.toString(), "--json", "--bootstrap", "0"))
                .get("judges").get(0).get("judge").asText();
        valid("report-compare", run("report", "compare", project.toString(), "--models", "gpt4,gpt4", "--sources",
                "final,judge:" + judge + "@" + JSON.readTree(run("report", "judges", project.toString(), "--json",
                        "--bootstrap", "0")).get("judges").get(0).get("version").asText(), "--json", "--by",
                "category", "--bootstrap", "50"));
    }

    @Test
    void theComparisonJsonIsValidForTheRefusalAndForAGroupsOptions() throws Exception {
        String demo = projects.get(0).toString();
        valid("report-compare", run("report", "compare", demo, "--models", "aurora-7b,cobalt-2", "--json",
                "--bootstrap", "50"));
        valid("report-compare", run("report", "compare", demo, "--models", "aurora-7b,basalt-chat", "--group",
                "refusal_quality", "--by", "category", "--json", "--bootstrap", "50"));
    }

    @Test
    void aWrongFieldIsNamedByItsPathInTheSchemasMessage() throws Exception {
        String line = run("report", "final-labels", projects.get(1).toString()).lines().findFirst().orElseThrow();
        ObjectNode row = (ObjectNode) JSON.readTree(line);
        ((ObjectNode) row.get("labels").get("response_type")).put("source", "vote");
        ((ArrayNode) row.get("labels").get("response_type").get("options")).add(7);
        row.put("sample", "one");

        Set<ValidationMessage> errors = schema("final-labels").validate(row);

        assertThat(errors).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.startsWith("$.labels.response_type.source: ") && m.contains("enum"))
                .anyMatch(m -> m.startsWith("$.labels.response_type.options[1]: "))
                .anyMatch(m -> m.startsWith("$.sample: ") && m.contains("integer"));
    }

    @Test
    void aFieldTheSchemaDoesNotKnowIsAnError() throws Exception {
        String line = exported(projects.get(1).toString(), "label-table").lines().findFirst()
                .orElseThrow();
        ObjectNode row = (ObjectNode) JSON.readTree(line);
        row.put("extra", 1);
        row.put("response_type.full_refusal", "yes");

        assertThat(schema("label-table").validate(row)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("extra"))
                .anyMatch(m -> m.startsWith("$.response_type.full_refusal: ") && m.contains("boolean"));
    }

    private void valid(String schemaName, String jsonText) throws Exception {
        JsonNode node = JSON.readTree(jsonText);
        assertThat(schema(schemaName).validate(node)).as(schemaName).isEmpty();
    }

    private void lines(String schemaName, String jsonLines) throws Exception {
        JsonSchema schema = schema(schemaName);
        List<String> all = jsonLines.lines().filter(l -> !l.isBlank()).toList();
        assertThat(all).as(schemaName).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (ValidationMessage message : schema.validate(JSON.readTree(all.get(i)))) {
                problems.add((i + 1) + ": " + message.getMessage());
            }
        }
        assertThat(problems).as(schemaName).isEmpty();
    }

    /** Export writes to standard output itself (not the command's writer), so the tests give it a file. */
    private String exported(String project, String format) throws Exception {
        Path file = folder.resolve(Path.of(project).getFileName() + "-" + format + "-" + System.nanoTime() + ".jsonl");
        run("export", project, "--format", format, "-o", file.toString());
        return Files.readString(file);
    }

    private static JsonSchema schema(String name) throws Exception {
        return SCHEMAS.getSchema(JSON.readTree(Path.of("docs/schemas", name + ".schema.json").toFile()));
    }

    private static String run(String... args) {
        CliRun result = CliRun.of(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result.out();
    }
}
