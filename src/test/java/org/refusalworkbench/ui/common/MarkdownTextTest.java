package org.refusalworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void boldItalicsHeadingsAndInlineCodeBecomeStyledRunsWithoutTheirMarkers() {
        MarkdownText.Rendered shown = MarkdownText.render("# Steps\n\nUse **the terminal** or *a task manager*,"
                + " then run `kill -9`.");
        assertThat(shown.plain()).isEqualTo("Steps\n\nUse the terminal or a task manager, then run kill -9.");
        assertThat(shown.runs()).contains(new SelectableText.Run("Steps", "md-heading"),
                new SelectableText.Run("the terminal", "md-bold"),
                new SelectableText.Run("a task manager", "md-italic"),
                new SelectableText.Run("kill -9", "code"));
        int start = shown.plain().indexOf("kill -9");
        assertThat(shown.codeRanges()).containsExactly(new SelectableText.Mark(start, start + 7, "code-background"));
    }

    @Test
    void listsKeepTheirNumbersNestedListsIndentAndBulletsShowAsBullets() {
        MarkdownText.Rendered shown = MarkdownText.render("Ways:\n\n3. First\n4. Second\n   - inner\n\n- plain");
        assertThat(shown.plain()).isEqualTo("Ways:\n3. First\n4. Second\n   • inner\n• plain");
    }

    @Test
    void nothingTheLabellerJudgesIsDroppedLinksKeepTheirAddressAndLineBreaksStay() {
        MarkdownText.Rendered shown = MarkdownText.render("See [the docs](https://example.org/kill).\nNext line"
                + " <b>raw</b> and ![a diagram](x.png)");
        assertThat(shown.plain()).isEqualTo("See the docs (https://example.org/kill).\nNext line <b>raw</b> and"
                + " [image: a diagram]");
    }

    @Test
    void nestedStylesCombineTheirClassesAndCodeBlocksAreShadedWhole() {
        MarkdownText.Rendered shown = MarkdownText.render("> I **cannot** help\n\n```python\nos.kill(pid)\n```");
        assertThat(shown.runs()).contains(new SelectableText.Run("cannot", "md-quote md-bold"),
                new SelectableText.Run("os.kill(pid)", "code"));
        int start = shown.plain().indexOf("os.kill");
        assertThat(shown.codeRanges()).containsExactly(new SelectableText.Mark(start, start + 12, "code-background"));
    }

    @Test
    void aLongResponseIsAFewRunsNotOnePerWord() {
        String paragraph = "word ".repeat(2_000);
        MarkdownText.Rendered shown = MarkdownText.render(paragraph + "\n\n**bold** " + paragraph);
        assertThat(shown.runs()).hasSize(3);
        assertThat(shown.plain()).hasSize(paragraph.strip().length() * 2 + "\n\nbold ".length());
    }

    @Test
    void plainTextWithoutMarkdownIsShownAsItIs() {
        String text = "I'm sorry, but I can't help with that.";
        assertThat(MarkdownText.render(text).plain()).isEqualTo(text);
        assertThat(MarkdownText.render(text).runs()).isEqualTo(List.of(new SelectableText.Run(text, null)));
    }
}
