package org.refusalworkbench.ui.common;

import java.util.Locale;

/**
 * Caps what a text view is given. Laying out a 10 MB response froze the window for minutes, and nobody reads that
 * much on screen: the view shows the beginning and says how much more there is. Labels still apply to the whole
 * response, which is stored and exported in full.
 */
public final class LongText {

    /** About twenty pages of prose. */
    public static final int MAX_SHOWN_CHARS = 50_000;

    private LongText() {
    }

    public static boolean isCut(String text) {
        return text.length() > MAX_SHOWN_CHARS;
    }

    /** The part of {@code text} to lay out; cut at a line break near the cap when there is one. */
    public static String shownPart(String text) {
        if (!isCut(text)) {
            return text;
        }
        int cut = text.lastIndexOf('\n', MAX_SHOWN_CHARS);
        return text.substring(0, cut > MAX_SHOWN_CHARS / 2 ? cut : MAX_SHOWN_CHARS);
    }

    /** The line that stands after a cut text. */
    public static String notice(String text) {
        return String.format(Locale.ROOT, "[The response goes on: %,d characters in all, the first %,d shown here."
                + " Labels apply to the whole response; the full text is in the project and in exports.]",
                text.length(), shownPart(text).length());
    }

    /** {@link #shownPart} followed by the {@link #notice}, for plain text views. */
    public static String forDisplay(String text) {
        return isCut(text) ? shownPart(text) + "\n\n" + notice(text) : text;
    }
}
