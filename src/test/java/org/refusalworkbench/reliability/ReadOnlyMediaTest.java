package org.refusalworkbench.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.cli.Cli;
import org.refusalworkbench.domain.ChangeSource;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.project.AnnotationService;
import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.Backups;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.storage.ProjectHealth;
import org.refusalworkbench.storage.StorageException;
import org.refusalworkbench.taxonomy.TaxonomyReader;

/**
 * A project on media it cannot be written to: a real read-only mount and a real full disk, each a small tmpfs
 * mounted for the test (permission bits would not stop root, who runs the tests in CI). Needs the right to mount;
 * without it the tests are skipped.
 */
class ReadOnlyMediaTest {

    @TempDir
    Path folder;

    private Path mount;

    @BeforeEach
    void mountTmpfs() throws Exception {
        mount = Files.createDirectory(folder.resolve("media"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString()) == 0,
                "mounting a tmpfs needs root");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", mount.toString());
    }

    @Test
    void aProjectOnAReadOnlyMountIsSoundReadableAndSaysItIsReadOnly() throws Exception {
        Path project = projectWithLabel();
        assertThat(run("mount", "-o", "remount,ro", mount.toString())).isZero();

        assertReadableEverywhere(project);
    }

    @Test
    void aProjectOnAFullDiskIsSoundReadableAndSaysItIsReadOnly() throws Exception {
        Path project = projectWithLabel();
        try (OutputStream filler = Files.newOutputStream(mount.resolve("filler"))) {
            byte[] block = new byte[4096];
            while (true) {
                filler.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left");
        }

        assertReadableEverywhere(project);
    }

    private void assertReadableEverywhere(Path project) throws Exception {
        Result check = cli("check", project.toString());
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains(project + ": ok").doesNotContain("DAMAGED");

        Result stats = cli("stats", project.toString(), "--json");
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("\"labels\":1");
        assertThat(stats.err()).contains("note: " + project + ": opened read-only");

        Path export = folder.resolve("labels.jsonl");
        Result exported = cli("export", project.toString(), "-o", export.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(Files.readString(export)).contains("full_refusal");

        Path backup = folder.resolve("copy.db");
        Result backedUp = cli("backup", project.toString(), backup.toString());
        assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
        assertThat(Backups.integrity(backup)).isEqualTo("ok");

        try (ProjectDatabase database = ProjectFiles.open(project)) {
            assertThat(database.readOnlyNotice()).hasValueSatisfying(notice -> assertThat(notice)
                    .startsWith(project + ": opened read-only").contains("Nothing can be saved"));
            assertThatThrownBy(() -> addLabel(database, "b")).isInstanceOf(StorageException.class)
                    .hasMessageContaining("opened read-only");
            AnnotationService newcomer = AnnotationService.open(database, "someone new");
            assertThat(newcomer.annotator()).isEqualTo("someone new");
            assertThat(newcomer.progress()).isNotNull();
            assertThat(ProjectHealth.checkThenBackUp(database, 3).isDamaged()).isFalse();
        }
    }

    private Path projectWithLabel() {
        Path project = mount.resolve("p.db");
        try (ProjectDatabase database = ProjectFiles.create(project, TaxonomyReader.defaultTaxonomy(), "t")) {
            database.writer().run(c -> {
                try (var statement = c.createStatement()) {
                    statement.execute("INSERT INTO prompt (id, uid, text) VALUES (1, x'01', 'q')");
                    statement.execute("INSERT INTO response (id, uid, prompt_id, model, text)"
                            + " VALUES (1, x'02', 1, 'm', 'r')");
                }
                return null;
            });
            addLabel(database, "a");
        }
        return project;
    }

    private static void addLabel(ProjectDatabase database, String annotator) {
        database.writer().run(c -> LabelStore.save(c, LabelKind.RESPONSE_LABEL, 1, Annotators.idFor(c, annotator),
                Selections.of(Map.of("response_type", List.of("full_refusal"))), null, ChangeSource.APP));
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static int run(String... command) throws Exception {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
