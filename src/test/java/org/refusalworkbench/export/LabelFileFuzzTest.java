package org.refusalworkbench.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of a real label file: merging each mutant ends in a clean merge or a
 * {@link LabelFileException} naming the file, never another exception or a hang, and a refused file leaves the
 * project as it was.
 */
class LabelFileFuzzTest {

    @TempDir
    Path folder;

    @Test
    void mutatedLabelFilesMergeCleanlyOrAreRefusedWhole() throws Exception {
        byte[] original;
        try (LabelProject labelled = new LabelProject(folder, "labelled", LabelProject.LABELLED)) {
            original = Files.readAllBytes(labelled.exportLabelFile("labels.jsonl"));
        }
        SplittableRandom random = new SplittableRandom(31);
        for (int i = 0; i < 120; i++) {
            Path mutant = Files.write(folder.resolve("mutant-" + i + ".jsonl"), mutate(original, random));
            try (LabelProject target = new LabelProject(folder, "target-" + i, LabelProject.RESPONSES)) {
                List<Long> before = target.allCounts();
                try {
                    Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> target.merge(mutant));
                } catch (Throwable e) {
                    if (!(e instanceof LabelFileException)) {
                        fail("mutant " + i + " ended in " + e + "\n" + new String(Files.readAllBytes(mutant),
                                StandardCharsets.UTF_8), e);
                    }
                    assertThat(e.getMessage()).as("mutant %d", i).startsWith(mutant.toString());
                    assertThat(target.allCounts()).as("rows after refused mutant %d", i).isEqualTo(before);
                }
            }
        }
    }

    private static byte[] mutate(byte[] input, SplittableRandom random) {
        byte[] data = input.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && data.length > 0; e++) {
            int at = random.nextInt(data.length);
            switch (random.nextInt(5)) {
                case 0 -> data[at] = (byte) random.nextInt(256);
                case 1 -> data = concat(Arrays.copyOfRange(data, 0, at),
                        Arrays.copyOfRange(data, Math.min(data.length, at + 1 + random.nextInt(12)), data.length));
                case 2 -> data = Arrays.copyOfRange(data, 0, at);
                case 3 -> {
                    int end = Math.min(data.length, at + 1 + random.nextInt(80));
                    data = concat(Arrays.copyOfRange(data, 0, end), Arrays.copyOfRange(data, at, data.length));
                }
                default -> {
                    byte[][] junk = {"\"".getBytes(), "}".getBytes(), "\n".getBytes(), "null".getBytes(),
                            new byte[] {(byte) 0xC3}, "\"9999-99-99T99:99:99Z\"".getBytes(), "[]".getBytes()};
                    data = concat(concat(Arrays.copyOfRange(data, 0, at), junk[random.nextInt(junk.length)]),
                            Arrays.copyOfRange(data, at, data.length));
                }
            }
        }
        return data;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
