package org.refusalworkbench.ui.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds wording that often marks a refusal ("I can't", "I'm sorry, but", "However, here is…") so the reader's eye
 * lands on it. A reading aid only: it never sets a label.
 */
public final class RefusalPhrases {

    /** A highlighted stretch of text, {@code end} exclusive. */
    public record Span(int start, int end) {
    }

    private static final Pattern PHRASES = Pattern.compile(String.join("|",
            "\\bI(?:'|’)?m (?:sorry|afraid|unable|not able)\\b[^.!?\\n]{0,40}",
            "\\bI (?:can(?:'|’)?t|cannot|can not|won(?:'|’)?t|will not|am unable to|am not able to|must decline)\\b",
            "\\bI(?:'|’)?m not (?:comfortable|going to)\\b",
            "\\bI (?:don(?:'|’)?t|do not) (?:feel comfortable|think I should)\\b",
            "\\b(?:As an AI(?: language model)?|As a language model)\\b",
            "\\b(?:Sorry|Unfortunately), (?:but )?I\\b",
            "\\bnot (?:something|able) (?:I|to) (?:can|will|help|assist|provide)\\b",
            "\\bI (?:can(?:'|’)?t|cannot|won(?:'|’)?t) (?:help|assist|provide|do that)\\b",
            "\\bHowever, (?:here is|here's|here are|I can)\\b",
            "\\b(?:against|violates?) (?:my|our|the) (?:guidelines|policy|policies|usage policies)\\b"),
            Pattern.CASE_INSENSITIVE);

    private RefusalPhrases() {
    }

    public static List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        if (text == null) {
            return spans;
        }
        Matcher matcher = PHRASES.matcher(text);
        while (matcher.find()) {
            spans.add(new Span(matcher.start(), matcher.end()));
        }
        return spans;
    }
}
