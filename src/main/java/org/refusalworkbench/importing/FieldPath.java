package org.refusalworkbench.importing;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A path into a row, as mapping files write it: field names joined by dots, list positions in brackets
 * ({@code data.turns[0].content}). A name with a dot in it is written in quotes: {@code "a.b".c}.
 */
record FieldPath(String text, List<Object> steps) {

    static FieldPath parse(String text) {
        List<Object> steps = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int end = text.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("'" + text + "': a '[' without its ']'");
                }
                try {
                    steps.add(Integer.parseInt(text.substring(i + 1, end).strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "': [" + text.substring(i + 1, end)
                            + "] is not a list position");
                }
                i = end + 1;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("'" + text + "': a quote without its end");
                }
                steps.add(text.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                steps.add(text.substring(i, end));
                i = end;
            }
        }
        if (steps.isEmpty() || !(steps.get(0) instanceof String)) {
            throw new IllegalArgumentException("'" + text + "': a path starts with a field name");
        }
        return new FieldPath(text, List.copyOf(steps));
    }

    /** The row's top-level field this path reads, so fields no path reads can be told apart. */
    String firstField() {
        return (String) steps.get(0);
    }

    /** @return the value at this path, or {@code null} if any step is missing */
    JsonNode read(JsonNode row) {
        JsonNode node = row;
        for (Object step : steps) {
            if (node == null || node.isNull()) {
                return null;
            }
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node == null || node.isNull() ? null : node;
    }

    @Override
    public String toString() {
        return text;
    }
}
