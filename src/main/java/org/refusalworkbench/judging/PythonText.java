package org.refusalworkbench.judging;

/**
 * Python's {@code str.strip()} without arguments, which published rules apply before matching. Java's
 * {@code String.strip()} differs: it keeps U+00A0 (no-break space), U+2007 and U+202F, which Python strips, so a
 * response starting with a no-break space would be judged differently from the paper.
 */
final class PythonText {

    private PythonText() {
    }

    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Python's {@code str.isspace()} for one character: Unicode white space and the ASCII separators 0x1C–0x1F. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
