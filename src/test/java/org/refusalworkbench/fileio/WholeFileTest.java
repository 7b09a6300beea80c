package org.refusalworkbench.fileio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFileTest {

    @TempDir
    Path folder;

    @Test
    void aWrittenFileGetsTheModeOfAnyNewFileInItsFolder() throws IOException {
        Path written = folder.resolve("labels.jsonl");
        WholeFile.write(written, out -> {
            out.write("{}\n".getBytes(StandardCharsets.UTF_8));
            return null;
        });
        Path plain = Files.writeString(folder.resolve("plain.txt"), "x");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
    }

    @Test
    void aFailedWriteLeavesNeitherTheTargetNorATemporaryFile() throws IOException {
        Path target = folder.resolve("report.html");
        try {
            WholeFile.write(target, out -> {
                out.write('x');
                throw new IOException("disk full");
            });
        } catch (IOException expected) {
            assertThat(expected).hasMessage("disk full");
        }
        try (var left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
    }
}
