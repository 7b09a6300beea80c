package org.refusalworkbench.export;

/**
 * One CSV cell, made safe for spreadsheets: text starting with {@code = + - @}, a tab or a carriage return would be
 * run as a formula by Excel, LibreOffice or Google Sheets (CSV injection), so such text gets a leading apostrophe,
 * which spreadsheets show as text and do not evaluate. Then the cell is quoted per RFC 4180 when it needs to be.
 */
public final class SpreadsheetCell {

    private SpreadsheetCell() {
    }

    public static String of(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return quote(neutralise(value));
    }

    /**
     * @param raw write the text as it is, quoted where CSV needs it but without the formula guard: for programs,
     *            which would otherwise read the apostrophe as part of the text ({@code --raw-cells})
     */
    public static String of(String value, boolean raw) {
        if (!raw) {
            return of(value);
        }
        return value == null || value.isEmpty() ? "" : quote(value);
    }

    static String neutralise(String value) {
        char first = value.charAt(0);
        boolean formulaTrigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formulaTrigger ? "'" + value : value;
    }

    private static String quote(String value) {
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
