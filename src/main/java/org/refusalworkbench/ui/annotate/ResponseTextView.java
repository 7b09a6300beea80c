package org.refusalworkbench.ui.annotate;

import java.util.ArrayList;
import java.util.List;

import org.refusalworkbench.ui.common.LongText;
import org.refusalworkbench.ui.common.SelectableText;

/** Turns response text into selectable runs: code blocks monospaced, refusal phrases optionally marked. */
final class ResponseTextView {

    private ResponseTextView() {
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
