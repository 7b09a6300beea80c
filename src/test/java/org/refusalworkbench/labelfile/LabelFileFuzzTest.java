package org.refusalworkbench.labelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.refusalworkbench.reliability.LineMutants;

/**
 * Seeded mutations of a real label file ({@link LineMutants}): merging each mutant ends in a clean merge of every
 * record in it or a {@link LabelFileException} naming the file and an existing line (the exact line where the
 * mutant says), never another exception or a hang, and a refused file leaves the project as it was.
 */
class LabelFileFuzzTest {

    private static final int RANDOM_MUTANTS = 600;
    private static final int MUTANTS_PER_KIND = 150;

    @TempDir
    Path folder;

    @Test
    void mutatedLabelFilesMergeCleanlyOrAreRefusedWhole() throws Exception {
        String original;
        try (LabelProject labelled = new LabelProject(folder, "labelled", LabelProject.LABELLED)) {
            original = Files.readString(labelled.exportLabelFile("labels.jsonl"), StandardCharsets.UTF_8);
        }
        LineMutants mutants = new LineMutants(LineMutants.Style.JSON_LINES, "", LineMutants.lines(original), 2);
        SplittableRandom random = new SplittableRandom(31);
        try (LabelProject target = new LabelProject(folder, "target", LabelProject.RESPONSES)) {
            int i = 0;
            for (LineMutants.Kind kind : LineMutants.Kind.values()) {
                for (int k = 0; k < (kind == LineMutants.Kind.RANDOM ? RANDOM_MUTANTS : MUTANTS_PER_KIND); k++, i++) {
                    LineMutants.Mutant mutant = mutants.next(kind, random);
                    Path file = Files.write(folder.resolve("mutant-" + i + ".jsonl"), mutant.bytes());
                    String described = "mutant " + i + " (" + kind + "):\n"
                            + new String(mutant.bytes(), StandardCharsets.UTF_8);
                    List<Long> before = target.allCounts();
                    try {
                        MergeSummary summary = mergeWithin20Seconds(target, file);
                        assertThat(mutant.mustFail()).as("%s\nmerged although it must fail", described).isFalse();
                        assertThat(summary.records()).as("records merged from %s", described)
                                .isEqualTo(mutants.recordsIn(mutant.bytes()));
                    } catch (LabelFileException e) {
                        assertThat(mutant.mustRead()).as("%s\nrefused: %s", described, e.getMessage()).isFalse();
                        assertThat(e.getMessage()).as(described).startsWith(file.toString());
                        assertThat(e.line()).as("line of %s in %s", e.getMessage(), described)
                                .isBetween(1L, LineMutants.physicalLines(mutant.bytes()) + 1);
                        if (mutant.mustFail()) {
                            assertThat(e.line()).as("line of %s in %s", e.getMessage(), described)
                                    .isEqualTo(mutant.failureLine());
                            if (mutant.failureReason() != null) {
                                assertThat(e.reason()).as(described).contains(mutant.failureReason());
                            }
                        }
                        assertThat(target.allCounts()).as("rows after refused %s", described).isEqualTo(before);
                    } catch (Throwable e) {
                        fail(described + "\nended in " + e, e);
                    }
                }
            }
        }
    }

    /** The merge's own exception, or a failure when it takes longer than 20 seconds. */
    private static MergeSummary mergeWithin20Seconds(LabelProject target, Path file) throws LabelFileException {
        try {
            return Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> target.merge(file));
        } catch (AssertionFailedError e) {
            if (e.getCause() instanceof LabelFileException refused) {
                throw refused;
            }
            throw e;
        }
    }
}
