package org.refusalworkbench.export;

import java.util.Locale;

/**
 * What an export wrote: judgements by type for label files and tables, pairs or completions for training exports.
 *
 * @param pairs   preference pairs, or for KTO the completions written
 * @param leftOut training rows left out, with the reason {@link #describe()} gives: DPO pairs whose transcripts
 *                differ before the judged turn; KTO responses ranked neither way
 * @param judgeVerdicts judges' verdicts written, as records or rows of their own kind
 */
public record ExportSummary(ExportFormat format, long labels, long intentLabels, long adjudications, long pairs,
                            long leftOut, long judgeVerdicts) {

    public ExportSummary(ExportFormat format, long labels, long intentLabels, long adjudications, long pairs) {
        this(format, labels, intentLabels, adjudications, pairs, 0, 0);
    }

    public ExportSummary(ExportFormat format, long labels, long intentLabels, long adjudications, long pairs,
                         long leftOut) {
        this(format, labels, intentLabels, adjudications, pairs, leftOut, 0);
    }

    public String describe() {
        return switch (format) {
            case PREFERENCE -> String.format(Locale.ROOT,
                    "%,d preference pair(s) from %,d label(s) and %,d adjudication(s)", pairs, labels, adjudications);
            case TRL_DPO -> String.format(Locale.ROOT,
                    "%,d preference pair(s) from %,d label(s) and %,d adjudication(s); %,d pair(s) left out because"
                            + " their transcripts differ before the judged turn", pairs, labels, adjudications,
                    leftOut);
            case TRL_KTO -> String.format(Locale.ROOT,
                    "%,d completion(s) from %,d label(s) and %,d adjudication(s); %,d response(s) left out: ranked"
                            + " neither way (a tie, or no label), or a transcript not ending with the assistant's turn", pairs, labels, adjudications, leftOut);
            default -> String.format(Locale.ROOT, "%,d label(s), %,d intent label(s), %,d adjudication(s)", labels,
                    intentLabels, adjudications) + (judgeVerdicts == 0 ? ""
                    : String.format(Locale.ROOT, ", %,d judge verdict(s)", judgeVerdicts));
        };
    }
}
