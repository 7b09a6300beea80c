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
            // Whole words: a phrase's trailing clause ends where up to 40 characters did, often mid-word.
            int start = matcher.start();
            int end = matcher.end();
            while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
                start--;
            }
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (!spans.isEmpty() && spans.get(spans.size() - 1).end() >= start) {
                start = spans.remove(spans.size() - 1).start();
            }
            spans.add(new Span(start, end));
        }
        return spans;
    }
}
