package org.refusalworkbench.domain;

import java.util.List;

/** One prompt with all its responses, as the labelling and review views show them. */
public record PromptContent(Prompt prompt, List<Response> responses) {

    public PromptContent {
        responses = List.copyOf(responses);
    }
}
