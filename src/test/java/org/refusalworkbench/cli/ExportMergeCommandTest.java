package org.refusalworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportMergeCommandTest {

    private static final String RESPONSES = """
            {"prompt_id": "1", "prompt": "q1", "model": "a", "response": "r1"}
            {"prompt_id": "1", "prompt": "q1", "model": "b", "response": "r2"}
            """;
    private static final String LABELS = """
            {"prompt_id": "1", "prompt": "q1", "model": "a", "response": "r1", "labels": {"x": {"selections": {"response_type": ["full_compliance"]}}}}
            {"prompt_id": "1", "prompt": "q1", "model": "b", "response": "r2", "labels": {"x": {"selections": {"response_type": ["full_refusal"]}}}}
            """;

    @TempDir
    Path folder;

    @Test
    void aLabelersExportMergesIntoTheLeadsProjectAndASecondMergeChangesNothing() throws Exception {
        Path labeler = project("labeler.db", LABELS);
        Path lead = project("lead.db", RESPONSES);
        Path file = folder.resolve("x.jsonl");

        Result exported = run("export", labeler.toString(), "-o", file.toString(), "--annotator", "x");
        Result merged = run("merge", lead.toString(), file.toString());
        Result again = run("merge", lead.toString(), file.toString());

        assertThat(exported.exitCode).isZero();
        assertThat(exported.err).contains("exported 2 label(s)");
        assertThat(merged.exitCode).isZero();
        assertThat(merged.out).contains("2 record(s): 2 added, 0 updated, 0 unchanged; 0 conflict(s)");
        assertThat(again.out).contains("2 record(s): 0 added, 0 updated, 2 unchanged; 0 conflict(s)");
        assertThat(run("stats", lead.toString(), "--json").out).contains("\"labels\":2");
    }

    @Test
    void aBadLabelFileExitsWithCodeTwoAndFileAndLine() throws Exception {
        Path lead = project("lead.db", RESPONSES);
        Path bad = Files.writeString(folder.resolve("bad.jsonl"), "not json\n");

        Result result = run("merge", lead.toString(), bad.toString());

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains(bad + ":1: not valid JSON");
    }

    @Test
    void anUnknownFormatOrAnnotatorIsBadInput() throws Exception {
        Path labeler = project("labeler.db", LABELS);

        Result format = run("export", labeler.toString(), "--format", "xml", "-o", "x");
        Result annotator = run("export", labeler.toString(), "--annotator", "nobody", "-o",
                folder.resolve("n.jsonl").toString());

        assertThat(format.exitCode).isEqualTo(2);
        assertThat(format.err).contains("unknown export format 'xml'");
        assertThat(annotator.exitCode).isEqualTo(2);
        assertThat(annotator.err).contains("no annotator named 'nobody'");
        assertThat(folder.resolve("n.jsonl")).doesNotExist();
    }

    private Path project(String name, String responses) throws Exception {
        Path project = folder.resolve(name);
        Path file = Files.writeString(folder.resolve(name + ".jsonl"), responses);
        assertThat(run("init", project.toString()).exitCode).isZero();
        assertThat(run("import", project.toString(), file.toString()).exitCode).isZero();
        return project;
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
