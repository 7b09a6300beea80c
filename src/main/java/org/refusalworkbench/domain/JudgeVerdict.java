package org.refusalworkbench.domain;

/**
 * One judge's verdict on one response.
 *
 * @param raw        the judge's output as it gave it
 * @param selections the options it parsed into; {@code null} when the output is no option of the taxonomy, which
 *                   is counted as unparsed, never guessed
 */
public record JudgeVerdict(long responseId, String raw, Selections selections) {

    public boolean parsed() {
        return selections != null;
    }
}
