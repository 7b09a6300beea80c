package org.refusalworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

    @TempDir
    Path folder;

    @Test
    void initImportStatsEndToEnd() throws Exception {
        Path project = folder.resolve("p.db");
        Path responses = Files.writeString(folder.resolve("r.jsonl"), """
                {"prompt_id": "1", "prompt": "q1", "model": "a", "response": "r1", "labels": {"x": {"selections": {"response_type": "full_compliance"}}}}
                {"prompt_id": "1", "prompt": "q1", "model": "b", "response": "r2", "labels": {"x": {"selections": {"response_type": "full_refusal"}}, "y": {"selections": {"response_type": "full_refusal"}}}}
                {"prompt_id": "2", "prompt": "q2", "model": "b", "response": "r3", "gold": {"reviewer": "lead", "selections": {"response_type": "full_refusal"}}}
                """);

        assertThat(run("init", project.toString()).exitCode).isZero();
        Result imported = run("import", project.toString(), responses.toString());
        Result stats = run("stats", project.toString(), "--json");

        assertThat(imported.exitCode).isZero();
        assertThat(imported.out).contains("3 response(s) added");
        JsonNode json = JsonMapper.builder().build().readTree(stats.out);
        assertThat(json.get("prompts").asInt()).isEqualTo(2);
        assertThat(json.get("responses").asInt()).isEqualTo(3);
        assertThat(json.get("models").asInt()).isEqualTo(2);
        assertThat(json.get("annotators").asInt()).isEqualTo(2);
        assertThat(json.get("labels").asInt()).isEqualTo(3);
        assertThat(json.get("adjudications").asInt()).isEqualTo(1);
        assertThat(json.get("labels_by_annotator").get("x").asInt()).isEqualTo(2);
        assertThat(json.get("labels_by_annotator").get("y").asInt()).isEqualTo(1);
    }

    @Test
    void finalLabelsGiveEachResponseItsGoldOrMajorityLabelAsJsonLinesOrASpreadsheet() throws Exception {
        Path project = folder.resolve("p.db");
        Path responses = Files.writeString(folder.resolve("r.jsonl"), """
                {"prompt_id": "1", "prompt": "q1", "model": "a", "response": "r1", "labels": {"x": {"selections": {"response_type": "full_compliance"}}, "y": {"selections": {"response_type": "full_compliance"}}}}
                {"prompt_id": "1", "prompt": "q1", "model": "b", "response": "r2", "labels": {"x": {"selections": {"response_type": "full_refusal"}}, "y": {"selections": {"response_type": "partial_refusal"}}}}
                {"prompt_id": "2", "prompt": "q2", "model": "b", "response": "r3", "labels": {"x": {"selections": {"response_type": "full_compliance"}}}, "gold": {"reviewer": "lead", "selections": {"response_type": "full_refusal"}}}
                {"prompt_id": "2", "prompt": "q2", "model": "a", "response": "r4"}
                """);
        run("init", project.toString());
        run("import", project.toString(), responses.toString());
        Path file = folder.resolve("final.jsonl");

        Result written = run("report", "final-labels", project.toString(), "-o", file.toString());
        Result sheet = run("report", "final-labels", project.toString(), "--csv");

        assertThat(written.exitCode).isZero();
        List<JsonNode> lines = Files.readAllLines(file).stream().map(line -> {
            try {
                return JsonMapper.builder().build().readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
        assertThat(lines).hasSize(4).allSatisfy(line -> assertThat(line.get("response_id").asText()).hasSize(32));
        assertThat(lines).extracting(line -> line.get("labels").get("response_type").get("source").asText())
                .containsExactly("majority", "tie", "gold", "unlabelled");
        assertThat(lines.get(2).get("labels").get("response_type").get("options").get(0).asText())
                .isEqualTo("full_refusal");
        assertThat(sheet.out.lines().toList()).hasSize(5).first().asString()
                .isEqualTo("response_id,prompt_id,model,sample,prompt_safety,response_external_id,prompt_external_id,"
                        + "category,prompt,response,messages,response_type,response_type.source");
        assertThat(lines.get(0).get("prompt").asText()).isEqualTo("q1");
        assertThat(lines.get(0).get("prompt_external_id").asText()).isEqualTo("1");
        assertThat(lines.get(0).get("response").asText()).isEqualTo("r1");
        assertThat(sheet.out.lines().toList().get(3)).endsWith(",full_refusal,gold");
        assertThat(run("report", "final-labels", project.toString(), "-o",
                folder.resolve("missing").resolve("f.jsonl").toString()).exitCode).isEqualTo(2);
    }

    @Test
    void aBadLineExitsWithCodeTwoAndFileAndLine() throws Exception {
        Path project = folder.resolve("p.db");
        run("init", project.toString());
        Path bad = Files.writeString(folder.resolve("bad.jsonl"), "{\"prompt\": \"q\"}\n");

        Result result = run("import", project.toString(), bad.toString());

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains(bad + ":1: missing required field 'model'");
    }

    @Test
    void anXstestFileEndingInAnEmptyLineImportsEveryRow() throws Exception {
        Path project = folder.resolve("p.db");
        run("init", project.toString());
        Path file = Files.writeString(folder.resolve("xstest_v2_completions_m.csv"),
                "id,type,prompt,completion,annotation_1,annotation_2,agreement,final_label\n"
                        + "v2-1,homonyms,q,a,1_full_compliance,1_full_compliance,TRUE,1_full_compliance\n\n");

        Result result = run("import", project.toString(), file.toString());

        assertThat(result.exitCode).as(result.err).isZero();
        assertThat(result.out).contains("1 record(s)");
    }

    @Test
    void aLoneSurrogateExitsWithCodeTwoNamingFileLineAndFieldWithoutAStackTrace() throws Exception {
        Path project = folder.resolve("p.db");
        run("init", project.toString());
        Path bad = Files.writeString(folder.resolve("bad.jsonl"),
                "{\"prompt\": \"q\", \"model\": \"m\", \"response\": \"\\ud800\"}\n");

        Result result = run("import", project.toString(), bad.toString());

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains(bad + ":1: 'response' holds \\ud800").doesNotContain("\tat ");
    }

    @Test
    void anInvalidTaxonomyFileIsRefusedWithJsonPaths() throws Exception {
        Path taxonomy = Files.writeString(folder.resolve("t.json"), "{\"id\": \"t\", \"groups\": []}");

        Result result = run("init", folder.resolve("p.db").toString(), "--taxonomy", taxonomy.toString());

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains("$.version: is required").contains("$.groups: must be a non-empty array");
        assertThat(folder.resolve("p.db")).doesNotExist();
    }

    @Test
    void aTaxonomyWithoutRolesIsAcceptedWithAWarningNamingTheRolesAndTheFeaturesThatNeedThem() throws Exception {
        Path taxonomy = Files.writeString(folder.resolve("custom.json"), org.refusalworkbench.TestData
                .taxonomyExampleFromDocs().replaceAll(",?\\s*\"role\": \"[a-z_]+\"", ""));

        Result result = run("init", folder.resolve("p.db").toString(), "--taxonomy", taxonomy.toString());

        assertThat(result.exitCode).isZero();
        assertThat(result.err).contains("warning: " + taxonomy + " declares no group with \"role\":"
                + " \"response_type\" whose options have the roles \"compliance\" and \"refusal\": calibration"
                + " rates, preference pairs")
                .contains("\"role\": \"user_intent\"");
        assertThat(run("init", folder.resolve("d.db").toString()).err).as("the default taxonomy has every role")
                .isEmpty();
    }

    @Test
    void aMissingProjectIsACleanError() {
        Result result = run("stats", folder.resolve("nope.db").toString());

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains("nope.db: no such project file");
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertThat(run("import", "--bogus").exitCode).isEqualTo(2);
    }

    @Test
    void versionAndHelpListTheCommands() {
        assertThat(run("--version").out).startsWith("Refusal Workbench ");
        assertThat(run("--help").out).contains("init", "import", "stats", "demo");
    }

    @Test
    void backupCheckAndRestoreRoundTrip() throws Exception {
        Path project = folder.resolve("p.db");
        Path copy = folder.resolve("copy.db");
        run("init", project.toString());

        assertThat(run("backup", project.toString(), copy.toString()).exitCode).isZero();
        assertThat(run("check", copy.toString()).out).contains("copy.db: ok");
        Files.writeString(project, "garbage that replaced the project");
        Result damaged = run("check", project.toString());
        Result restored = run("restore", project.toString(), "--from", copy.toString());

        assertThat(damaged.exitCode).isEqualTo(2);
        assertThat(damaged.out).contains("DAMAGED");
        assertThat(restored.exitCode).isZero();
        assertThat(run("stats", project.toString()).exitCode).isZero();
    }

    @Test
    void aBackupIntoAMissingFolderIsAnErrorNotASuccess() {
        Path project = folder.resolve("p.db");
        Path copy = folder.resolve("no-such-folder").resolve("copy.db");
        run("init", project.toString());

        Result result = run("backup", project.toString(), copy.toString());

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains("error: " + copy + ": no such folder");
        assertThat(copy).doesNotExist();
    }

    @Test
    void filesToWriteInAMissingFolderAreRefusedBeforeAnyWorkWithExitCode2() {
        Path project = folder.resolve("p.db");
        Path missing = folder.resolve("no-such-folder");
        run("init", project.toString());

        Result export = run("export", project.toString(), "-o", missing.resolve("labels.jsonl").toString());
        Result report = run("report", "calibration", project.toString(), "--html",
                missing.resolve("report.html").toString());
        Result init = run("init", missing.resolve("new.db").toString());

        for (Result result : List.of(export, report, init)) {
            assertThat(result.exitCode).isEqualTo(2);
            assertThat(result.err).startsWith("error: " + missing).contains(": no such folder " + missing)
                    .doesNotContain("Exception");
        }
        assertThat(missing).doesNotExist();
    }

    @Test
    void aFolderOrAMissingFileIsNamedWithoutALineNumber() {
        Path project = folder.resolve("p.db");
        run("init", project.toString());

        Result folderImport = run("import", project.toString(), folder.toString());
        Result missingCheck = run("check", folder.resolve("gone.db").toString());

        assertThat(folderImport.exitCode).isEqualTo(2);
        assertThat(folderImport.err.strip()).isEqualTo("error: " + folder + ": is a folder, not a file");
        assertThat(missingCheck.exitCode).isEqualTo(2);
        assertThat(missingCheck.err.strip()).isEqualTo("error: " + folder.resolve("gone.db") + ": no such project file");
    }

    @Test
    void appOptionsAndProjectFilesGoToTheDesktopAppCommandsAndRootOptionsToTheCommandLine() {
        assertThat(Cli.isCommand("stats")).isTrue();
        assertThat(Cli.isCommand("--version")).isTrue();
        assertThat(Cli.isCommand("-h")).isTrue();
        assertThat(Cli.isCommand("--annotator=ann")).isFalse();
        assertThat(Cli.isCommand("--mode=review")).isFalse();
        assertThat(Cli.isCommand("study.db")).isFalse();
    }

    @Test
    void everyCommandShowsItsHelp() {
        for (String name : Cli.commandNames()) {
            Result help = run(name, "--help");
            assertThat(help.exitCode).as(name).isZero();
            assertThat(help.out).as(name).startsWith("Usage: refusal-workbench " + name).contains("-h, --help");
        }
    }

    /** A command missing from either list would be unknown to the desktop start or to help. */
    @Test
    void everyCommandOfTheHelpIsKnownByNameAndBuildsAlone() {
        CommandLine all = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

        assertThat(all.getSubcommands().keySet()).containsExactlyElementsOf(Cli.commandNames());
        for (String name : Cli.commandNames()) {
            assertThat(Cli.isCommand(name)).isTrue();
            CommandLine alone = Cli.commandLine(new String[] {name, "--help"}, new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()));
            assertThat(alone.getSubcommands().keySet()).containsExactly(name);
        }
    }

    @Test
    void anExportOntoAPipeIsRefusedInsteadOfReplacingIt() throws Exception {
        Path project = folder.resolve("p.db");
        run("init", project.toString());
        Path pipe = folder.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();

        Result export = run("export", project.toString(), "-o", pipe.toString());

        assertThat(export.exitCode).isEqualTo(2);
        assertThat(export.err).contains(pipe + ": is not a regular file");
        assertThat(Files.exists(pipe) && !Files.isRegularFile(pipe)).as("still a pipe").isTrue();
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Cli.commandLine(args, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
