package org.refusalworkbench.ui.common;

import java.util.function.Function;

/**
 * One remembered piece of UI state: its key in the settings file, its type and its default. The views name these
 * constants, never a string key, so a misspelt key cannot quietly read a default.
 *
 * @param <T> what the setting holds
 */
public final class UiSetting<T> {

    public static final UiSetting<Boolean> BLIND = flag("blind", true);
    public static final UiSetting<Boolean> HIGHLIGHT_PHRASES = flag("highlight", true);
    /** Responses' Markdown shown formatted (true) or as written. */
    public static final UiSetting<Boolean> FORMATTED_TEXT = flag("markdown", true);
    public static final UiSetting<TextSize> TEXT_SIZE = new UiSetting<>("text.size", TextSize.NORMAL,
            TextSize::parse, TextSize::name);
    /** Not a number until the window has been closed once: the window then picks a size that fits the screen. */
    public static final UiSetting<Double> WINDOW_WIDTH = number("window.width");
    public static final UiSetting<Double> WINDOW_HEIGHT = number("window.height");
    public static final UiSetting<Double> WINDOW_X = number("window.x");
    public static final UiSetting<Double> WINDOW_Y = number("window.y");
    public static final UiSetting<Boolean> WINDOW_MAXIMIZED = flag("window.maximized", false);
    public static final UiSetting<Double> QUEUE_DIVIDER = new UiSetting<>("queue.divider", 0.2, Double::valueOf,
            String::valueOf);

    /** Each response column's share of height for its text; the options and the note get the rest. */
    public static final UiSetting<Double> TEXT_SHARE = new UiSetting<>("columns.text.share", 0.5,
            UiSetting::share, String::valueOf);

    private final String key;
    private final T fallback;
    private final Function<String, T> parse;
    private final Function<T, String> format;

    private UiSetting(String key, T fallback, Function<String, T> parse, Function<T, String> format) {
        this.key = key;
        this.fallback = fallback;
        this.parse = parse;
        this.format = format;
    }

    private static UiSetting<Boolean> flag(String key, boolean fallback) {
        return new UiSetting<>(key, fallback, Boolean::valueOf, String::valueOf);
    }

    /** A share between 0 and 1 exclusive; anything else reads as unreadable, so the default serves. */
    private static Double share(String stored) {
        double value = Double.parseDouble(stored);
        return value > 0 && value < 1 ? value : null;
    }

    private static UiSetting<Double> number(String key) {
        return new UiSetting<>(key, Double.NaN, Double::valueOf, String::valueOf);
    }

    public String key() {
        return key;
    }

    public T fallback() {
        return fallback;
    }

    /** The stored text read back, or the default when it is missing or no longer reads (an older release's). */
    T read(String stored) {
        if (stored == null) {
            return fallback;
        }
        try {
            T value = parse.apply(stored);
            return value != null ? value : fallback;
        } catch (RuntimeException unreadable) {
            return fallback;
        }
    }

    String write(T value) {
        return format.apply(value);
    }

    @Override
    public String toString() {
        return key;
    }
}
