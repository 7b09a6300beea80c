package org.refusalworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import command's options for the field's formats, and its exit codes on bad input. */
class ImportCommandTest {

    @TempDir
    Path folder;

    @Test
    void everyProblemOfABadFileIsPrintedAndTheExitCodeIsTwo() throws Exception {
        Path project = folder.resolve("p.db");
        Path bad = Files.writeString(folder.resolve("bad.jsonl"), "{\"prompt\": \"p\"}\n"
                + "{\"prompt\": \"q\", \"model\": \"m\","
                + " \"response\": \"r\", \"sample\": 0}\n");
        run("init", project.toString());

        Result result = run("import", project.toString(), bad.toString());

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains(bad + ":1: missing required field 'model'")
                .contains(bad + ":2: 'sample' must be a whole number from 1, found 0").contains("(2 problems in all)")
                .doesNotContain("Exception");
    }

    @Test
    void modelFormatMapAndKeepUnknownReachTheImport() throws Exception {
        Path project = folder.resolve("p.db");
        run("init", project.toString());
        Path chat = Files.writeString(folder.resolve("chat.jsonl"), "{\"messages\": [{\"role\": \"user\", \"content\":"
                + " \"hi\"}, {\"role\": \"assistant\", \"content\": \"hello\"}], \"source\": \"x\"}\n");
        Path rows = Files.writeString(folder.resolve("rows.csv"), "question,answer\nq,a\n");
        Path map = Files.writeString(folder.resolve("map.json"), "{\"fields\": {\"prompt\": \"question\","
                + " \"response\": \"answer\"}, \"constants\": {\"model\": \"m\"}}");

        assertThat(run("import", project.toString(), chat.toString(), "--model", "tulu").exitCode).isEqualTo(2);
        assertThat(run("import", project.toString(), chat.toString(), "--model", "tulu", "--keep-unknown").exitCode)
                .isZero();
        assertThat(run("import", project.toString(), rows.toString(), "--map", map.toString()).out)
                .contains("1 response(s) added");
        Result wrongFormat = run("import", project.toString(), rows.toString(), "--format", "sorry");
        assertThat(wrongFormat.exitCode).isEqualTo(2);
        assertThat(wrongFormat.err).contains("unknown format 'sorry' (use xstest,").contains("mapped");
    }

    @Test
    void aBadMappingFileExitsTwoNamingTheEntry() throws Exception {
        Path project = folder.resolve("p.db");
        run("init", project.toString());
        Path rows = Files.writeString(folder.resolve("rows.csv"), "question,answer\nq,a\n");
        Path map = Files.writeString(folder.resolve("map.json"), "{\"feilds\": {}}");

        Result result = run("import", project.toString(), rows.toString(), "--map", map.toString());

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains(map + ": feilds: unknown key");
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
