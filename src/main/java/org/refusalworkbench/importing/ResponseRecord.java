package org.refusalworkbench.importing;

import java.util.List;

import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.domain.Turn;

/**
 * One input line, format-neutral: a response, the prompt it answers, and any labels that came with it.
 * Exactly one of {@code text} and {@code transcript} is set.
 */
public record ResponseRecord(long line, String promptExternalId, String promptText, String category,
                             SafetyLabel safety, String model, int sample, String externalId, String text,
                             List<Turn> transcript, String metaJson, List<LabelInput> labels,
                             List<LabelInput> promptLabels, LabelInput gold) {

    public ResponseRecord {
        labels = labels == null ? List.of() : List.copyOf(labels);
        promptLabels = promptLabels == null ? List.of() : List.copyOf(promptLabels);
    }
}
