package org.refusalworkbench.domain;

import java.util.List;

/**
 * One model's answer to a prompt: a single text, or a multi-turn transcript whose last assistant turn is the one
 * being judged. {@code uid} is a content hash of prompt, model, sample and content.
 */
public record Response(long id, String uid, long promptId, String model, int sample, String text,
                       List<Turn> transcript, String metaJson) {

    public Response {
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    public boolean isMultiTurn() {
        return transcript.stream().filter(turn -> !turn.isUser()).count() > 1;
    }
}
