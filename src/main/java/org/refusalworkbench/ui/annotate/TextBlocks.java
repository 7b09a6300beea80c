package org.refusalworkbench.ui.annotate;

import java.util.ArrayList;
import java.util.List;

/** Splits a response into prose and fenced code blocks, so code can be shown in a monospaced font. */
public final class TextBlocks {

    /** A run of text; {@code code} runs came from between ``` fences (the fences themselves are dropped). */
    public record Block(String text, boolean code) {
    }

    private TextBlocks() {
    }

    public static List<Block> split(String text) {
        List<Block> blocks = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return blocks;
        }
        StringBuilder current = new StringBuilder();
        boolean inCode = false;
        for (String line : text.split("\n", -1)) {
            if (line.stripLeading().startsWith("```")) {
                flush(blocks, current, inCode);
                inCode = !inCode;
                continue;
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(line);
        }
        flush(blocks, current, inCode);
        return blocks;
    }

    private static void flush(List<Block> blocks, StringBuilder current, boolean code) {
        if (current.length() > 0) {
            blocks.add(new Block(current.toString(), code));
        }
        current.setLength(0);
    }
}
