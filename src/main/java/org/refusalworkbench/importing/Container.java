package org.refusalworkbench.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What holds a file's rows, told from its name (and for {@code .json}, from its first character). */
enum Container {
    JSON_LINES, JSON_ARRAY, CSV, PARQUET;

    static Container of(Path file) throws IOException, ImportException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        if (name.endsWith(".json")) {
            // People name both JSON Lines and whole-array files .json; the first character tells them apart.
            return firstCharacter(file) == '[' ? JSON_ARRAY : JSON_LINES;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".parquet")) {
            return PARQUET;
        }
        throw ImportException.stoppingFile(file.toString(), 0, "cannot tell the container from the file name; name"
                + " it .jsonl, .json, .csv or .parquet");
    }

    RowSource open(Path file, ObjectMapper json) throws IOException, ImportException {
        String name = file.toString();
        if (this == PARQUET) {
            return ParquetRows.open(file, name);
        }
        InputStream in = Files.newInputStream(file);
        try {
            return switch (this) {
                case JSON_LINES -> new JsonLinesRows(in, name, json);
                case JSON_ARRAY -> new JsonArrayRows(in, name, json);
                case CSV -> new CsvTableRows(in, name, json);
                case PARQUET -> throw new IllegalStateException();
            };
        } catch (ImportException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static int firstCharacter(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c;
        }
    }
}
