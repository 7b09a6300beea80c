package org.refusalworkbench.labelfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.refusalworkbench.export.ExportFormat;
import org.refusalworkbench.export.ExportOptions;

class LabelRoundTripTest {

    @TempDir
    Path folder;

    @Test
    void exportMergeIntoAFreshProjectAndExportAgainGivesTheSameRecords() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED);
             LabelProject fresh = new LabelProject(folder, "lead", LabelProject.RESPONSES)) {
            Path first = labelled.exportLabelFile("first.jsonl");

            MergeSummary merged = fresh.merge(first);
            Path second = fresh.exportLabelFile("second.jsonl");

            assertThat(merged.added()).isEqualTo(7 + 2 + 2);
            assertThat(LabelFileLines.withoutHeader(second)).isEqualTo(LabelFileLines.withoutHeader(first));
            ObjectNode firstHeader = LabelFileLines.read(first).get(0);
            ObjectNode secondHeader = LabelFileLines.read(second).get(0);
            assertThat(secondHeader.get("taxonomy")).isEqualTo(firstHeader.get("taxonomy"));
        }
    }

    @Test
    void theLabelFileHoldsHeaderEveryJudgementTypeAndACountingEndRecord() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED)) {
            List<ObjectNode> records = LabelFileLines.read(labelled.exportLabelFile("labels.jsonl"));

            assertThat(records.get(0).get("format").asText()).isEqualTo("refusal-workbench-labels");
            assertThat(records.get(0).get("format_version").asInt()).isEqualTo(1);
            assertThat(records.get(0).get("taxonomy").get("content_hash").asText()).hasSize(64);
            assertThat(records.stream().map(record -> record.get("record").asText()).distinct())
                    .containsExactly("header", "label", "intent", "adjudication", "end");
            assertThat(records.get(records.size() - 1).get("records").asInt()).isEqualTo(records.size() - 2);
            ObjectNode label = records.get(1);
            assertThat(label.fieldNames()).toIterable().containsExactly("record", "response_id", "prompt_id",
                    "model", "sample", "annotator", "selections", "note", "created_at", "updated_at",
                    "seconds_spent");
        }
    }

    /** One compact object a line, nothing before it: line tools (grep '^{"record":"label"', jq -c) rely on it. */
    @Test
    void everyLineIsOneObjectStartingAtTheLineStart() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED)) {
            List<String> lines = java.nio.file.Files.readAllLines(labelled.exportLabelFile("labels.jsonl"));

            assertThat(lines).hasSizeGreaterThan(2).allSatisfy(line -> assertThat(line).startsWith("{\"record\":\"")
                    .endsWith("}"));
        }
    }

    @Test
    void mergingTheSameFileTwiceChangesNothing() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED);
             LabelProject fresh = new LabelProject(folder, "lead", LabelProject.RESPONSES)) {
            Path file = labelled.exportLabelFile("labels.jsonl");
            fresh.merge(file);
            List<Long> before = fresh.allCounts();

            MergeSummary again = fresh.merge(file);

            assertThat(again.added()).isZero();
            assertThat(again.updated()).isZero();
            assertThat(again.conflicts()).isZero();
            assertThat(again.unchanged()).isEqualTo(11);
            assertThat(fresh.allCounts()).isEqualTo(before);
        }
    }

    @Test
    void mergedLabelsKeepTheirAnnotatorsTimesAndAreLoggedAsMerges() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED);
             LabelProject fresh = new LabelProject(folder, "lead", LabelProject.RESPONSES)) {
            Path file = labelled.exportLabelFile("labels.jsonl");
            ObjectNode firstLabel = LabelFileLines.read(file).get(1);

            fresh.merge(file);

            assertThat(fresh.count("SELECT count(*) FROM change_log WHERE source <> 'merge'")).isZero();
            assertThat(fresh.count("SELECT count(*) FROM change_log")).isPositive();
            assertThat(fresh.count("SELECT count(*) FROM label WHERE updated_at = '"
                    + firstLabel.get("updated_at").asText() + "'")).isPositive();
        }
    }

    @Test
    void anAnnotatorExportHoldsOnlyThatAnnotatorsLabelsAndIntentLabels() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED)) {
            List<ObjectNode> records = LabelFileLines.read(labelled.export("ann-2.jsonl",
                    new ExportOptions(ExportFormat.JSONL, "ann-2", false)));

            List<ObjectNode> judgements = records.subList(1, records.size() - 1);
            assertThat(judgements).hasSize(3 + 1);
            assertThat(judgements).allSatisfy(record -> assertThat(record.get("annotator").asText())
                    .isEqualTo("ann-2"));
            assertThat(records.get(0).get("contents").get("annotator").asText()).isEqualTo("ann-2");
        }
    }

    @Test
    void aGoldOnlyExportHoldsOnlyAdjudications() throws Exception {
        try (LabelProject labelled = new LabelProject(folder, "workstation", LabelProject.LABELLED)) {
            List<ObjectNode> records = LabelFileLines.read(labelled.export("gold.jsonl",
                    new ExportOptions(ExportFormat.JSONL, null, true)));

            assertThat(records.subList(1, records.size() - 1)).hasSize(2).allSatisfy(record -> {
                assertThat(record.get("record").asText()).isEqualTo("adjudication");
                assertThat(record.get("reviewer").asText()).isEqualTo("lead");
            });
        }
    }
}
