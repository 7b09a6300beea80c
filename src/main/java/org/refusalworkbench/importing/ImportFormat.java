package org.refusalworkbench.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The response file formats we read. */
public enum ImportFormat {
    JSONL, CSV, XSTEST;

    public static ImportFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name + "' (use jsonl, csv or xstest)");
        }
    }

    /** By extension; a CSV whose header is XSTest's is read as XSTest. */
    public static ImportFormat detect(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".csv")) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8))) {
                String header = reader.readLine();
                String xstestHeader = String.join(",", XstestRecordSource.HEADER);
                return header != null && header.replace("\uFEFF", "").strip().equals(xstestHeader) ? XSTEST : CSV;
            }
        }
        throw new IllegalArgumentException(file + ": cannot tell the format from the name; give --format jsonl, csv"
                + " or xstest");
    }
}
