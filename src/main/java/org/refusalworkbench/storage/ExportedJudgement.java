package org.refusalworkbench.storage;

import org.refusalworkbench.domain.Selections;

/**
 * One stored judgement as a label file needs it: content ids as hex and times as stored text, so an export writes
 * exactly what the project holds. {@code responseUid}, {@code model} and {@code sample} are {@code null} for intent
 * labels, which belong to a prompt; {@code secondsSpent} is {@code null} where the table has no such column.
 */
public record ExportedJudgement(LabelKind kind, String responseUid, String promptUid, String model, Integer sample,
                                String person, Selections selections, String text, String createdAt,
                                String updatedAt, Integer secondsSpent) {
}
