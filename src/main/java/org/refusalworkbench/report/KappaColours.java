package org.refusalworkbench.report;

import java.util.Locale;

/**
 * One colour scale for agreement coefficients, shared by the HTML report and the app: red below 0.2, through
 * amber, to green at 0.8 and above (Landis and Koch's "substantial"); grey when undefined.
 */
public final class KappaColours {

    private KappaColours() {
    }

    /** Red, green and blue in 0–255 for {@code value}, or grey when null. */
    public static int[] rgb(Double value) {
        if (value == null) {
            return new int[] {221, 225, 231};
        }
        double t = Math.max(0, Math.min(1, (value - 0.2) / 0.6));
        int[] low = {230, 124, 115};
        int[] mid = {247, 203, 107};
        int[] high = {111, 191, 130};
        int[] from = t < 0.5 ? low : mid;
        int[] to = t < 0.5 ? mid : high;
        double s = t < 0.5 ? t * 2 : (t - 0.5) * 2;
        return new int[] {mix(from[0], to[0], s), mix(from[1], to[1], s), mix(from[2], to[2], s)};
    }

    public static String hex(Double value) {
        int[] rgb = rgb(value);
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }

    private static int mix(int a, int b, double s) {
        return (int) Math.round(a + (b - a) * s);
    }
}
