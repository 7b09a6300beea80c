package org.refusalworkbench.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times are stored as ISO-8601 UTC text with milliseconds: readable in any SQLite shell and sortable. */
final class Timestamps {
    private Timestamps() {
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
