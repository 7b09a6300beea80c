package org.refusalworkbench.ui.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A response's Markdown as styled runs for {@link SelectableText}: headings, bold, italics, lists, quotes, inline
 * code and code blocks, parsed by CommonMark. What the labeller judges is the text, so nothing is dropped: a link
 * keeps its address, an image its description, HTML shows as written, and line breaks inside a paragraph stay line
 * breaks (models write them as lines, not as the spaces CommonMark would make of them).
 */
public final class MarkdownText {

    /** The shown text as runs, and the ranges of code to shade. */
    public record Rendered(List<SelectableText.Run> runs, List<SelectableText.Mark> codeRanges, String plain) {
    }

    private static final Parser PARSER = Parser.builder().build();

    private final List<SelectableText.Run> runs = new ArrayList<>();
    private final List<SelectableText.Mark> codeRanges = new ArrayList<>();
    private final StringBuilder plain = new StringBuilder();
    private final Deque<String> styles = new ArrayDeque<>();
    /** Where the run being built starts in {@link #plain}, and its style. */
    private int runStart;
    private String runStyle;
    /** The list items' markers and indents, innermost last. */
    private final Deque<ListState> lists = new ArrayDeque<>();

    private static final class ListState {
        private final boolean ordered;
        private int next;

        ListState(boolean ordered, int start) {
            this.ordered = ordered;
            this.next = start;
        }
    }

    private MarkdownText() {
    }

    public static Rendered render(String markdown) {
        MarkdownText text = new MarkdownText();
        text.blocks(PARSER.parse(markdown == null ? "" : markdown));
        text.endRun();
        return new Rendered(List.copyOf(text.runs), List.copyOf(text.codeRanges), text.plain.toString());
    }

    private void blocks(Node parent) {
        for (Node block = parent.getFirstChild(); block != null; block = block.getNext()) {
            block(block);
        }
    }

    private void block(Node block) {
        if (block instanceof Paragraph) {
            startBlock();
            inlines(block);
        } else if (block instanceof Heading heading) {
            startBlock();
            styled(heading.getLevel() <= 2 ? "md-heading" : "md-subheading", () -> inlines(heading));
        } else if (block instanceof BulletList) {
            list(block, new ListState(false, 0));
        } else if (block instanceof OrderedList ordered) {
            Integer start = ordered.getMarkerStartNumber();
            list(block, new ListState(true, start == null ? 1 : start));
        } else if (block instanceof BlockQuote) {
            styled("md-quote", () -> blocks(block));
        } else if (block instanceof FencedCodeBlock code) {
            codeBlock(code.getLiteral());
        } else if (block instanceof IndentedCodeBlock code) {
            codeBlock(code.getLiteral());
        } else if (block instanceof HtmlBlock html) {
            startBlock();
            append(stripFinalNewline(html.getLiteral()));
        } else if (block instanceof ThematicBreak) {
            startBlock();
            styled("muted", () -> append("──────────"));
        } else {
            blocks(block);
        }
    }

    private void list(Node list, ListState state) {
        lists.addLast(state);
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem) {
                listItem(item, state);
            }
        }
        lists.removeLast();
    }

    private void listItem(Node item, ListState state) {
        String marker = state.ordered ? (state.next++) + ". " : "• ";
        String indent = "   ".repeat(lists.size() - 1);
        boolean first = true;
        for (Node block = item.getFirstChild(); block != null; block = block.getNext()) {
            if (first && block instanceof Paragraph) {
                newLine();
                append(indent + marker);
                inlines(block);
            } else {
                block(block);
            }
            first = false;
        }
        if (first) {                            // an empty item still shows its marker
            newLine();
            append(indent + marker);
        }
    }

    private void codeBlock(String literal) {
        startBlock();
        int start = plain.length();
        styled("code", () -> append(stripFinalNewline(literal)));
        codeRanges.add(new SelectableText.Mark(start, plain.length(), "code-background"));
    }

    private void inlines(Node parent) {
        for (Node inline = parent.getFirstChild(); inline != null; inline = inline.getNext()) {
            inline(inline);
        }
    }

    private void inline(Node inline) {
        if (inline instanceof Text text) {
            append(text.getLiteral());
        } else if (inline instanceof StrongEmphasis) {
            styled("md-bold", () -> inlines(inline));
        } else if (inline instanceof Emphasis) {
            styled("md-italic", () -> inlines(inline));
        } else if (inline instanceof Code code) {
            int start = plain.length();
            styled("code", () -> append(code.getLiteral()));
            codeRanges.add(new SelectableText.Mark(start, plain.length(), "code-background"));
        } else if (inline instanceof SoftLineBreak || inline instanceof HardLineBreak) {
            append("\n" + "   ".repeat(Math.max(0, lists.size() - 1)) + (lists.isEmpty() ? "" : "  "));
        } else if (inline instanceof Link link) {
            inlines(link);
            styled("muted", () -> append(" (" + link.getDestination() + ")"));
        } else if (inline instanceof Image image) {
            styled("muted", () -> {
                append("[image: ");
                inlines(image);
                append("]");
            });
        } else if (inline instanceof HtmlInline html) {
            append(html.getLiteral());
        } else {
            inlines(inline);
        }
    }

    /** A blank line between blocks; a list item only starts a new line. */
    private void startBlock() {
        if (plain.length() == 0) {
            return;
        }
        newLine();
        if (lists.isEmpty()) {
            append("\n");
        }
    }

    private void newLine() {
        if (plain.length() > 0 && plain.charAt(plain.length() - 1) != '\n') {
            append("\n");
        }
    }

    private void styled(String style, Runnable content) {
        styles.addLast(style);
        try {
            content.run();
        } finally {
            styles.removeLast();
        }
    }

    /** Adds to the run being built while the style stays the same, so a long response is a few Text nodes. */
    private void append(String text) {
        if (text.isEmpty()) {
            return;
        }
        String style = styles.isEmpty() ? null : String.join(" ", styles);
        if (plain.length() > runStart && !java.util.Objects.equals(runStyle, style)) {
            endRun();
        }
        runStyle = style;
        plain.append(text);
    }

    private void endRun() {
        if (plain.length() > runStart) {
            runs.add(new SelectableText.Run(plain.substring(runStart), runStyle));
            runStart = plain.length();
        }
    }

    private static String stripFinalNewline(String literal) {
        return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    }
}
