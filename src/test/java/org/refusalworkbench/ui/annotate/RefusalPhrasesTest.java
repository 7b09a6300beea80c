package org.refusalworkbench.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RefusalPhrasesTest {

    private static List<String> found(String text) {
        return RefusalPhrases.find(text).stream().map(span -> text.substring(span.start(), span.end())).toList();
    }

    @Test
    void aPhraseWithATrailingClauseEndsAtTheEndOfAWordNeverInsideOne() {
        String text = "I'm sorry, but as a helpful and honest assistant I must be careful here.";
        List<RefusalPhrases.Span> spans = RefusalPhrases.find(text);
        assertThat(spans).isNotEmpty();
        for (RefusalPhrases.Span span : spans) {
            assertThat(span.end() == text.length() || !Character.isLetterOrDigit(text.charAt(span.end())))
                    .as("ends at a word's end: '%s'", text.substring(span.start(), span.end())).isTrue();
            assertThat(Character.isWhitespace(text.charAt(span.end() - 1))).isFalse();
        }
    }

    @Test
    void findsTheUsualRefusalsAndLeakage() {
        assertThat(found("I cannot provide that. However, here is a safer way.")).containsExactly("I cannot",
                "However, here is");
        assertThat(found("As an AI language model, I won't do that")).contains("As an AI language model");
        assertThat(found("Sure! Here are the steps.")).isEmpty();
    }

    @Test
    void aSorryClauseStopsAtTheSentencesEnd() {
        assertThat(found("I'm sorry, I can't. Here is why")).containsExactly("I'm sorry, I can't");
    }
}
