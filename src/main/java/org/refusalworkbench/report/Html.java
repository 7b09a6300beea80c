package org.refusalworkbench.report;

import java.util.Locale;

/** Small helpers for self-contained HTML reports: escaping, percentages and inline SVG bars. */
final class Html {

    static final String STYLE = """
            <style>
            body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem;color:#1d2430;max-width:1100px}
            h1{font-size:1.5rem} h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dde2ea;padding-bottom:.3rem}
            table{border-collapse:collapse;margin:.5rem 0 1rem} th,td{padding:.3rem .6rem;border-bottom:1px solid #eceff4;text-align:right}
            th:first-child,td:first-child{text-align:left} th{background:#f5f7fa;font-weight:600}
            .muted{color:#6b7585;font-size:.9em} svg text{font-size:11px;fill:#1d2430}
            </style>
            """;

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String percent(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f%%", value * 100);
    }

    static String rate(Proportion proportion) {
        if (proportion.rate() == null) {
            return "– <span class=muted>(n = 0)</span>";
        }
        return percent(proportion.rate()) + " <span class=muted>[" + percent(proportion.low()) + ", "
                + percent(proportion.high()) + "] " + proportion.count() + "/" + proportion.n() + "</span>";
    }

    /** A horizontal bar with its interval as a whisker, for rates in [0, 1]. */
    static String bar(Proportion proportion, String colour) {
        int width = 220;
        StringBuilder svg = new StringBuilder("<svg width=\"" + (width + 10) + "\" height=\"16\">");
        svg.append("<rect x=\"0\" y=\"3\" width=\"").append(width).append("\" height=\"10\" fill=\"#eef1f5\"/>");
        if (proportion.rate() != null) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"3\" width=\"%.1f\" height=\"10\" fill=\"%s\"/>",
                    proportion.rate() * width, colour));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"8\" y2=\"8\" stroke=\"#1d2430\"/>",
                    proportion.low() * width, proportion.high() * width));
        }
        return svg.append("</svg>").toString();
    }
}
