package org.refusalworkbench.labelfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads a small label file's lines as JSON objects so a test can change one record and write it back. */
public final class LabelFileLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LabelFileLines() {
    }

    public static List<ObjectNode> read(Path file) throws IOException {
        List<ObjectNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            records.add((ObjectNode) JSON.readTree(line));
        }
        return records;
    }

    public static Path write(Path file, List<ObjectNode> records) throws IOException {
        StringBuilder text = new StringBuilder();
        for (ObjectNode record : records) {
            text.append(JSON.writeValueAsString(record)).append('\n');
        }
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The records after the header, which is the part two exports of equal labels have in common. */
    public static List<String> withoutHeader(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size());
    }
}
