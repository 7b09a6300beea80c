package org.refusalworkbench.ui.annotate;

import java.util.ArrayList;
import java.util.List;

import org.refusalworkbench.ui.common.LongText;
import org.refusalworkbench.ui.common.MarkdownText;
import org.refusalworkbench.ui.common.SelectableText;

/** Turns response text into selectable runs: code blocks monospaced, refusal phrases optionally marked. */
final class ResponseTextView {

    private ResponseTextView() {
    }

    /**
     * @param markdown whether to show {@code fullText}'s Markdown formatted; otherwise it shows as written, with
     *                 only fenced code in a monospaced font
     */
    static SelectableText of(String fullText, boolean highlight, boolean markdown) {
        return markdown ? formatted(fullText, highlight) : of(fullText, highlight);
    }

    private static SelectableText formatted(String fullText, boolean highlight) {
        MarkdownText.Rendered rendered = MarkdownText.render(LongText.shownPart(fullText));
        List<SelectableText.Run> runs = new ArrayList<>(rendered.runs());
        List<SelectableText.Mark> marks = new ArrayList<>(rendered.codeRanges());
        if (highlight) {
            for (RefusalPhrases.Span span : RefusalPhrases.find(rendered.plain())) {
                boolean inCode = rendered.codeRanges().stream()
                        .anyMatch(code -> span.start() < code.end() && code.start() < span.end());
                if (!inCode) {
                    marks.add(new SelectableText.Mark(span.start(), span.end(), "refusal-phrase"));
                }
            }
        }
        if (LongText.isCut(fullText)) {
            runs.add(new SelectableText.Run("\n\n" + LongText.notice(fullText), "muted"));
        }
        SelectableText view = new SelectableText();
        view.setContent(runs, marks);
        return view;
    }

    static SelectableText of(String fullText, boolean highlight) {
        String text = LongText.shownPart(fullText);
        SelectableText view = new SelectableText();
        List<SelectableText.Run> runs = new ArrayList<>();
        List<SelectableText.Mark> marks = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        for (TextBlocks.Block block : TextBlocks.split(text)) {
            if (shown.length() > 0) {
                runs.add(new SelectableText.Run("\n", null));
                shown.append('\n');
            }
            int start = shown.length();
            runs.add(new SelectableText.Run(block.text(), block.code() ? "code" : null));
            shown.append(block.text());
            if (block.code()) {
                marks.add(new SelectableText.Mark(start, shown.length(), "code-background"));
            } else if (highlight) {
                for (RefusalPhrases.Span span : RefusalPhrases.find(block.text())) {
                    marks.add(new SelectableText.Mark(start + span.start(), start + span.end(), "refusal-phrase"));
                }
            }
        }
        if (LongText.isCut(fullText)) {
            runs.add(new SelectableText.Run("\n\n" + LongText.notice(fullText), "muted"));
        }
        view.setContent(runs, marks);
        return view;
    }
}
