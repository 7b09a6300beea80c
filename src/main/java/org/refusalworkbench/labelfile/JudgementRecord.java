package org.refusalworkbench.labelfile;

import java.time.Instant;

import org.refusalworkbench.domain.Selections;

/**
 * One label, intent label or adjudication as read from a label file. {@code responseId}, {@code model} and
 * {@code sample} are {@code null} for intent records; {@code secondsSpent} is 0 where the type has none.
 */
public record JudgementRecord(RecordType type, long line, String responseId, String promptId, String model,
                              Integer sample, String person, Selections selections, String text, Instant createdAt,
                              Instant updatedAt, int secondsSpent) implements LabelFileRecord {

    /** A copy with other selections, for option mapping. */
    JudgementRecord withSelections(Selections mapped) {
        return new JudgementRecord(type, line, responseId, promptId, model, sample, person, mapped, text, createdAt,
                updatedAt, secondsSpent);
    }
}
