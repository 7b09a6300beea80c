package org.refusalworkbench.labelfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.refusalworkbench.domain.JudgeVerdict;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.storage.LabelMergeWrites;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.SelectionCheck;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * Merges the records of one file and counts what happened to each. The rule for two versions of one judgement
 * (same response or prompt, same annotator; for adjudications, same response): equal content changes nothing;
 * otherwise the later {@code updated_at} wins, and on a tie the greater content, so merging files in any order
 * ends in the same project.
 */
final class MergeTally {

    private static final int UNKNOWN_EXAMPLES = 20;

    private final String file;
    private final Taxonomy taxonomy;
    private final OptionMapping mapping;
    private final LabelMergeWrites writes;
    private final List<String> unknownExamples = new ArrayList<>();
    private long records;
    private long added;
    private long unchanged;
    private long conflicts;
    private long updated;
    private long unknown;

    MergeTally(String file, Taxonomy taxonomy, OptionMapping mapping, LabelMergeWrites writes) {
        this.file = file;
        this.taxonomy = taxonomy;
        this.mapping = mapping;
        this.writes = writes;
    }

    void merge(JudgementRecord incoming) throws Exception {
        records++;
        JudgementRecord record = incoming.withSelections(mapping.apply(incoming.selections()));
        Optional<String> problem = SelectionCheck.problem(taxonomy, record.selections(), record.type().level);
        if (problem.isPresent()) {
            throw error(record, record.type().selectionsField + ": " + problem.get());
        }
        if (record.updatedAt().isBefore(record.createdAt())) {
            throw error(record, "updated_at is before created_at");
        }
        OptionalLong target = target(record);
        if (target.isEmpty()) {
            return;
        }
        long personId = writes.personId(record.person());
        OptionalLong earlier = writes.earlierLine(record.type().kind, target.getAsLong(), personId, record.line());
        if (earlier.isPresent()) {
            throw error(record, "duplicate " + record.type().wireName() + " record for the same "
                    + (record.type().belongsToResponse() ? "response" : "prompt")
                    + (record.type() == RecordType.ADJUDICATION ? "" : " and " + record.type().personField)
                    + " (first given on line " + earlier.getAsLong() + ")");
        }
        Optional<LabelStore.Stored> stored = writes.stored(record.type().kind, target.getAsLong(), personId);
        if (stored.isEmpty()) {
            write(record, target.getAsLong(), personId);
            added++;
        } else if (sameContent(stored.get(), record)) {
            unchanged++;
        } else {
            conflicts++;
            if (incomingWins(stored.get(), record)) {
                write(record, target.getAsLong(), personId);
                updated++;
            }
        }
    }

    /**
     * A judge's verdict: checked against the taxonomy like a label, added when the judge has none for the response,
     * unchanged when it has the same, and a conflict (the project's verdict is kept) when it has another: a judge
     * version's verdicts are what it said, never edited.
     */
    void merge(JudgeRecord incoming) throws Exception {
        records++;
        JudgeRecord record = incoming.selections() == null ? incoming
                : incoming.withSelections(mapping.apply(incoming.selections()));
        if (record.selections() != null) {
            Optional<String> problem = SelectionCheck.problem(taxonomy, record.selections(), GroupLevel.RESPONSE);
            if (problem.isPresent()) {
                throw new LabelFileException(file, record.line(), "selections: " + problem.get());
            }
        }
        OptionalLong response = response(record.responseId(), record.promptId(), record.line());
        if (response.isEmpty()) {
            return;
        }
        switch (writes.saveJudge(record.judge(), new JudgeVerdict(response.getAsLong(), record.raw(),
                record.selections()))) {
            case ADDED -> added++;
            case SAME -> unchanged++;
            case DIFFERENT -> conflicts++;
        }
    }

    long records() {
        return records;
    }

    FileMergeSummary summary() {
        return new FileMergeSummary(file, records, added, unchanged, conflicts, updated, unknown, unknownExamples);
    }

    /** The response (or, for intent labels, the prompt) the record is about; empty when the project lacks it. */
    private OptionalLong target(JudgementRecord record) throws Exception {
        if (!record.type().belongsToResponse()) {
            OptionalLong prompt = writes.prompt(record.promptId());
            if (prompt.isEmpty()) {
                countUnknown(record.line(), "prompt " + record.promptId() + " is not in this project");
            }
            return prompt;
        }
        return response(record.responseId(), record.promptId(), record.line());
    }

    /**
     * The project's row id of a response a record of any kind names, checked against the prompt it names too;
     * empty (and counted) when the project lacks it.
     */
    private OptionalLong response(String responseId, String promptId, long line) throws Exception {
        Optional<LabelMergeWrites.ResponseRef> response = writes.response(responseId);
        if (response.isEmpty()) {
            countUnknown(line, "response " + responseId + " is not in this project");
            return OptionalLong.empty();
        }
        if (!response.get().promptUid().equals(promptId)) {
            throw new LabelFileException(file, line, "prompt_id " + promptId + " is not the prompt of response "
                    + responseId + " (" + response.get().promptUid() + ")");
        }
        return OptionalLong.of(response.get().id());
    }

    private void countUnknown(long line, String reason) {
        unknown++;
        if (unknownExamples.size() < UNKNOWN_EXAMPLES) {
            unknownExamples.add(file + ":" + line + ": " + reason);
        }
    }

    private void write(JudgementRecord record, long targetId, long personId) throws Exception {
        writes.write(record.type().kind, targetId, personId, record.selections(), record.text(), record.createdAt(),
                record.updatedAt(), record.secondsSpent());
    }

    private static boolean sameContent(LabelStore.Stored stored, JudgementRecord record) {
        return stored.selections().equals(record.selections())
                && Objects.equals(stored.text(), normalise(record.text()));
    }

    private static boolean incomingWins(LabelStore.Stored stored, JudgementRecord record) {
        int byTime = record.updatedAt().compareTo(stored.updatedAt());
        if (byTime != 0) {
            return byTime > 0;
        }
        return contentKey(record.selections(), normalise(record.text()))
                .compareTo(contentKey(stored.selections(), stored.text())) > 0;
    }

    private static String contentKey(Selections selections, String text) {
        return selections + "\u0000" + (text == null ? "" : text);
    }

    /** The store keeps an empty note as no note. */
    private static String normalise(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private LabelFileException error(JudgementRecord record, String reason) {
        return new LabelFileException(file, record.line(), reason);
    }
}
