package org.refusalworkbench.labelfile;

import java.time.Instant;

import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.Selections;

/**
 * A judge's verdict on one response as read from a label file: kept apart from the people's labels when merged.
 * {@code selections} is null for an output that is no option of the taxonomy (unparsed), which {@code raw} keeps.
 */
public record JudgeRecord(long line, String responseId, String promptId, String model, Integer sample, Judge judge,
                          String raw, Selections selections, Instant createdAt) implements LabelFileRecord {

    JudgeRecord withSelections(Selections mapped) {
        return new JudgeRecord(line, responseId, promptId, model, sample, judge, raw, mapped, createdAt);
    }
}
