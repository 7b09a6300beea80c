package org.refusalworkbench.labelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refusalworkbench.export.ExportFormat;
import org.refusalworkbench.export.ExportOptions;
import org.refusalworkbench.fileio.Progress;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyReader;

class LabelMergerTest {

    @TempDir
    Path folder;

    @Test
    void theLaterEditOfTheSameAnnotatorsLabelWinsAndCountsAsAConflict() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED);
             LabelProject lead = new LabelProject(folder, "lead", LabelProject.RESPONSES)) {
            List<ObjectNode> records = LabelFileLines.read(labelled.exportLabelFile("monday.jsonl"));
            lead.merge(LabelFileLines.write(folder.resolve("monday.jsonl"), records));
            ObjectNode label = records.get(1);
            label.putObject("selections").putArray("response_type").add("partial_refusal");
            label.put("updated_at", java.time.Instant.now().plusSeconds(3600).toString());

            FileMergeSummary tuesday = lead.merge(LabelFileLines.write(folder.resolve("tuesday.jsonl"), records))
                    .files().get(0);

            assertThat(tuesday.conflicts()).isEqualTo(1);
            assertThat(tuesday.updated()).isEqualTo(1);
            assertThat(tuesday.unchanged()).isEqualTo(10);
            assertThat(lead.count("SELECT count(*) FROM label_selection WHERE option_id = 'partial_refusal'"))
                    .isEqualTo(labelled.count("SELECT count(*) FROM label_selection"
                            + " WHERE option_id = 'partial_refusal'") + 1);
        }
    }

    @Test
    void anOlderEditIsCountedAsAConflictButLeavesTheProjectsNewerLabel() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED);
             LabelProject lead = new LabelProject(folder, "lead", LabelProject.RESPONSES)) {
            List<ObjectNode> records = LabelFileLines.read(labelled.exportLabelFile("labels.jsonl"));
            lead.merge(LabelFileLines.write(folder.resolve("now.jsonl"), records));
            List<Long> before = lead.allCounts();
            ObjectNode label = records.get(1);
            label.put("note", "an old thought");
            label.put("created_at", "2001-01-01T00:00:00Z");
            label.put("updated_at", "2001-01-01T00:00:00Z");

            FileMergeSummary old = lead.merge(LabelFileLines.write(folder.resolve("old.jsonl"), records))
                    .files().get(0);

            assertThat(old.conflicts()).isEqualTo(1);
            assertThat(old.updated()).isZero();
            assertThat(lead.allCounts()).isEqualTo(before);
            assertThat(lead.count("SELECT count(*) FROM label WHERE note = 'an old thought'")).isZero();
        }
    }

    @Test
    void aFileUnderAnotherTaxonomyIsRefusedNamingBothTaxonomies() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED);
             LabelProject other = new LabelProject(folder, "other", LabelProject.RESPONSES, renamedOverRefusal())) {
            Path file = labelled.exportLabelFile("labels.jsonl");
            List<Long> before = other.allCounts();

            assertThatThrownBy(() -> other.merge(file))
                    .isInstanceOf(LabelFileException.class)
                    .hasMessageStartingWith(file + ":1: taxonomy mismatch")
                    .hasMessageContaining("refusal-default 1.0.0")
                    .hasMessageContaining("refusal-default 1.1.0")
                    .hasMessageContaining("--map");
            assertThat(other.allCounts()).isEqualTo(before);
        }
    }

    @Test
    void aMappingTranslatesOptionIdsOfAnotherTaxonomy() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED);
             LabelProject other = new LabelProject(folder, "other", LabelProject.RESPONSES, renamedOverRefusal())) {
            Path file = labelled.exportLabelFile("labels.jsonl");
            Path mapping = other.write("map.json",
                    "{\"options\": {\"refusal_type.over_refusal\": \"refusal_type.unwarranted\","
                            + " \"failure_modes.exaggerated_refusal\": null}}");

            MergeSummary summary = new LabelMerger(other.database).merge(List.of(file), OptionMapping.read(mapping),
                    Progress.NONE);

            assertThat(summary.added()).isEqualTo(11);
            assertThat(other.count("SELECT count(*) FROM label_selection WHERE option_id = 'unwarranted'"))
                    .isEqualTo(2);
            assertThat(other.count("SELECT count(*) FROM label_selection WHERE option_id = 'exaggerated_refusal'"))
                    .isZero();
        }
    }

    @Test
    void recordsForResponsesNotInTheProjectAreCountedAndReportedWithTheirLines() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED);
             LabelProject partial = new LabelProject(folder, "partial",
                     LabelProject.RESPONSES.lines().limit(2).reduce("", (a, b) -> a + b + "\n"))) {
            Path file = labelled.exportLabelFile("labels.jsonl");

            FileMergeSummary summary = partial.merge(file).files().get(0);

            // p2's two responses carry 3 labels, 1 adjudication; its intent label is unknown too.
            assertThat(summary.unknown()).isEqualTo(5);
            assertThat(summary.added()).isEqualTo(11 - 5);
            assertThat(summary.unknownExamples()).hasSize(5)
                    .allSatisfy(example -> assertThat(example).startsWith(file + ":")
                            .containsPattern("(response|prompt) [0-9a-f]{32} is not in this project"));
        }
    }

    @Test
    void aDuplicateRecordIsRefusedWithBothLinesAndNothingIsWritten() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED);
             LabelProject lead = new LabelProject(folder, "lead", LabelProject.RESPONSES)) {
            List<ObjectNode> records = new ArrayList<>(LabelFileLines.read(labelled.exportLabelFile("l.jsonl")));
            records.add(3, records.get(1).deepCopy());
            ObjectNode end = records.get(records.size() - 1);
            end.put("records", end.get("records").asInt() + 1);
            Path file = LabelFileLines.write(folder.resolve("duplicate.jsonl"), records);
            List<Long> before = lead.allCounts();

            assertThatThrownBy(() -> lead.merge(file))
                    .hasMessage(file + ":4: duplicate label record for the same response and annotator"
                            + " (first given on line 2)");
            assertThat(lead.allCounts()).isEqualTo(before);
        }
    }

    @Test
    void anOptionTheTaxonomyLacksIsRefusedWithItsLine() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED);
             LabelProject lead = new LabelProject(folder, "lead", LabelProject.RESPONSES)) {
            List<ObjectNode> records = LabelFileLines.read(labelled.exportLabelFile("l.jsonl"));
            records.get(2).putObject("selections").putArray("response_type").add("shrug");
            Path file = LabelFileLines.write(folder.resolve("bad.jsonl"), records);

            assertThatThrownBy(() -> lead.merge(file))
                    .hasMessage(file + ":3: selections: unknown option 'shrug' in taxonomy group 'response_type'");
        }
    }

    @Test
    void aBadFileRollsBackOnlyItselfAndFilesBeforeItStayMerged() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED);
             LabelProject lead = new LabelProject(folder, "lead", LabelProject.RESPONSES)) {
            Path good = labelled.export("ann-1.jsonl", new ExportOptions(ExportFormat.JSONL, "ann-1", false));
            Path bad = lead.write("bad.jsonl", "{\"record\": \"header\"}\n");
            List<FileMergeSummary> committed = new ArrayList<>();

            assertThatThrownBy(() -> new LabelMerger(lead.database).merge(List.of(good, bad), OptionMapping.NONE,
                    Progress.NONE, committed::add)).hasMessageStartingWith(bad + ":1: not a label file");

            assertThat(committed).hasSize(1);
            assertThat(lead.count("SELECT count(*) FROM label")).isEqualTo(4);
        }
    }

    @Test
    void progressReachesTheTotalNumberOfBytes() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED);
             LabelProject lead = new LabelProject(folder, "lead", LabelProject.RESPONSES)) {
            Path file = labelled.exportLabelFile("l.jsonl");
            long[] last = new long[2];

            new LabelMerger(lead.database).merge(List.of(file), OptionMapping.NONE, (done, total) -> {
                last[0] = done;
                last[1] = total;
            });

            assertThat(last[1]).isEqualTo(java.nio.file.Files.size(file));
            assertThat(last[0]).isEqualTo(last[1]);
        }
    }

    /** The default taxonomy with over-refusal renamed: another content hash, another version. */
    private static Taxonomy renamedOverRefusal() throws Exception {
        String json = TaxonomyReader.defaultTaxonomy().canonicalJson()
                .replace("\"over_refusal\"", "\"unwarranted\"")
                .replace("refusal_type.over_refusal", "refusal_type.unwarranted")
                .replace("\"1.0.0\"", "\"1.1.0\"");
        return new TaxonomyReader().read(json, "renamed");
    }
}
