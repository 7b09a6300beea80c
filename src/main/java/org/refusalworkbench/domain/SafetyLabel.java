package org.refusalworkbench.domain;

import java.util.Locale;

/** Whether a prompt should be answered by a general-purpose assistant (XSTest's safe/unsafe split). */
public enum SafetyLabel {
    SAFE, UNSAFE, UNKNOWN;

    /** Reads the labels found in refusal datasets: safe/unsafe, XSTest's contrast_* types, benign/harmful. */
    public static SafetyLabel parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return UNKNOWN;
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (value.equals("safe") || value.equals("benign") || value.equals("harmless")) {
            return SAFE;
        }
        if (value.equals("unsafe") || value.equals("harmful") || value.startsWith("contrast")) {
            return UNSAFE;
        }
        throw new IllegalArgumentException("unknown prompt label '" + raw + "' (expected safe, unsafe or contrast)");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
