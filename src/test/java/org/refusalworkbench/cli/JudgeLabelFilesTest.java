package org.refusalworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.TestData;
import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.JudgeVerdict;
import org.refusalworkbench.storage.JudgeLabels;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;

/**
 * Judges' verdicts travel in label files as records of their own kind: a full export carries them, a merge brings
 * them into another project as the same judge's labels (never as a person's), twice changes nothing, and a labeler's
 * own file or a gold-only file has none.
 */
class JudgeLabelFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    @Test
    void aFullExportCarriesTheJudgesAndAMergeBringsThemInAsJudges() throws Exception {
        Path source = xstestProject("source");
        CliRun.ok("judge", source.toString(), "--method", "xstest-strmatch");
        CliRun.ok("judge", source.toString(), "--method", "gcg-keywords");
        Path labels = folder.resolve("labels.jsonl");
        CliRun export = CliRun.ok("export", source.toString(), "-o", labels.toString());
        Path target = xstestProject("target");

        CliRun first = CliRun.ok("merge", target.toString(), labels.toString());
        CliRun second = CliRun.ok("merge", target.toString(), labels.toString());

        List<JsonNode> judgeRecords = Files.readAllLines(labels).stream().map(JudgeLabelFilesTest::json)
                .filter(record -> record.get("record").asText().equals("judge")).toList();
        assertThat(judgeRecords).hasSize(900);
        assertThat(judgeRecords.get(0).get("judge").asText()).isEqualTo("xstest-strmatch");
        assertThat(judgeRecords.get(0).get("judge_version").asText()).isEqualTo("xstest@d7bb5bd");
        assertThat(judgeRecords.get(0).has("annotator")).isFalse();
        assertThat(verdicts(target)).isEqualTo(verdicts(source));
        assertThat(export.err()).contains("900 label(s), 0 intent label(s), 450 adjudication(s), 900 judge"
                + " verdict(s)");
        assertThat(first.out() + first.err()).contains("2,250 record(s): 900 added, 0 updated, 1,350 unchanged");
        assertThat(second.out() + second.err()).contains("2,250 record(s): 0 added, 0 updated, 2,250 unchanged");
        assertThat(verdicts(target)).isEqualTo(verdicts(source));
        // The people's figures do not see the judges: the same annotators, the same agreement.
        assertThat(json(CliRun.ok("report", "agreement", target.toString(), "--json").out()).get("annotators"))
                .isEqualTo(json(CliRun.ok("report", "agreement", source.toString(), "--json").out())
                        .get("annotators"));
        assertThat(json(CliRun.ok("report", "judges", target.toString(), "--json", "--bootstrap", "0").out())
                .get("judges")).isEqualTo(json(CliRun.ok("report", "judges", source.toString(), "--json",
                "--bootstrap", "0").out()).get("judges"));
        assertThat(first.exitCode()).isZero();
    }

    @Test
    void aLabelersOwnFileAndAGoldOnlyFileHaveNoJudges() throws Exception {
        Path source = xstestProject("own");
        CliRun.ok("judge", source.toString(), "--method", "xstest-strmatch");
        Path own = folder.resolve("own.jsonl");
        Path gold = folder.resolve("gold.jsonl");

        CliRun.ok("export", source.toString(), "--annotator", "xstest-annotator-1", "-o", own.toString());
        CliRun.ok("export", source.toString(), "--gold-only", "-o", gold.toString());

        assertThat(Files.readString(own)).doesNotContain("\"record\":\"judge\"");
        assertThat(Files.readString(gold)).doesNotContain("\"record\":\"judge\"");
    }

    @Test
    void aJudgeRecordWithAnOptionTheTaxonomyLacksStopsTheMergeAtItsLineAndWritesNothing() throws Exception {
        Path source = xstestProject("bad-source");
        CliRun.ok("judge", source.toString(), "--method", "xstest-strmatch");
        Path labels = folder.resolve("bad.jsonl");
        CliRun.ok("export", source.toString(), "-o", labels.toString());
        List<String> lines = Files.readAllLines(labels);
        int line = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"record\":\"judge\"")) {
                lines.set(i, lines.get(i).replace("\"full_compliance\"", "\"mostly_compliance\"")
                        .replace("\"full_refusal\"", "\"mostly_compliance\""));
                line = i + 1;
                break;
            }
        }
        Files.write(labels, lines);
        Path target = xstestProject("bad-target");

        CliRun merge = CliRun.of("merge", target.toString(), labels.toString());

        assertThat(merge.exitCode()).isEqualTo(2);
        assertThat(merge.err()).contains(labels + ":" + line + ": selections:").contains("mostly_compliance");
        assertThat(verdicts(target)).isEmpty();
    }

    private static Map<Judge, Map<Long, JudgeVerdict>> verdicts(Path project) {
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            return database.read(JudgeLabels::all);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    private Path xstestProject(String name) {
        Path project = folder.resolve(name + ".db");
        CliRun.ok("init", project.toString());
        CliRun.ok("import", project.toString(), TestData.xstestCompletions("gpt4").toString());
        return project;
    }
}
