package org.refusalworkbench.export;

import java.util.List;
import java.util.Set;

import org.refusalworkbench.domain.Selections;

/**
 * One response's final labels as a final-labels file lists them: the response's and its prompt's content ids, what
 * the response is, and each decided group's options with where they came from.
 *
 * @param groups         in taxonomy order; a group whose condition the decided answers do not meet is not among
 *                       them
 * @param content        what the response and its prompt are, so the row stands alone
 * @param judges         each automatic judge's verdict on the response, apart from the people's labels, by judge
 *                       in the order they were first saved; a judge that gave none is not among them
 */
public record FinalLabelRow(String responseId, String promptId, String model, int sample, String promptSafety,
                            List<Group> groups, Content content, List<JudgeCell> judges) {

    /**
     * One judge's verdict: {@code judge} is {@code name@version}; {@code selections} null for an output that is no
     * option (unparsed), kept as {@code raw}.
     */
    public record JudgeCell(String judge, Selections selections, String raw) {
    }

    /**
     * The prompt and response as imported: the file's own ids ({@code null} where it gave none), the texts, and the
     * transcript as {@code {role, content}} messages ({@code null} for a response given as text).
     */
    public record Content(String responseExternalId, String promptExternalId, String category, String prompt,
                          String response, List<Message> messages) {
    }

    /** One message of a transcript, as chat datasets write it. */
    public record Message(String role, String content) {
    }

    /**
     * One group's outcome.
     *
     * @param source where the options came from, as the file writes it: {@code gold}, {@code majority}, {@code tie}
     *               or {@code unlabelled}
     */
    public record Group(String id, Set<String> options, String source) {
    }

    public FinalLabelRow {
        groups = List.copyOf(groups);
        judges = List.copyOf(judges);
    }
}
