package org.refusalworkbench.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutants of a valid input file, each with what reading it must give: random damage (a clean read of every
 * record, or an error), the line-level cases a reader gets wrong silently (two records on one line, CR and CR LF
 * line endings, lone surrogates, blank lines, invalid UTF-8) and the record-level ones (a misspelt field inside a
 * nested object, a blank annotator or reviewer name). The file is described by its records so that a mutant knows
 * which line each of them is on.
 */
public final class LineMutants {

    /** How the file's lines are read. */
    public enum Style { JSON_LINES, CSV, XSTEST }

    public enum Kind {
        RANDOM, TWO_ON_A_LINE, CR_ENDINGS, BLANK_LINES, LONE_SURROGATE, INVALID_UTF8, UNKNOWN_NESTED_FIELD,
        BLANK_NAME
    }

    /**
     * @param failureLine   0 when the file must read cleanly, else the line the error must name
     * @param failureReason text the error must contain, or {@code null} for any reason
     */
    public record Mutant(Kind kind, byte[] bytes, long failureLine, String failureReason) {

        public boolean mustRead() {
            return kind != Kind.RANDOM && failureLine == 0;
        }

        public boolean mustFail() {
            return failureLine > 0;
        }
    }

    private static final String[] SURROGATE_ESCAPES = {"\\ud800", "\\udbff", "\\udc00", "\\udfff",
        "\\ud83d\\u0041", "\\ude00\\ud83d", "\\uDABC"};
    private static final byte[][] INVALID_UTF8 = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF},
        {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xB0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
    /**
     * Nested objects that take only known fields: a label, intent or gold label (the object holding
     * {@code selections}), a transcript turn; in label files also the parts of the header.
     */
    private static final Pattern NESTED_OBJECT = Pattern.compile(
            "\\{(?=\\s*\"(?:selections|role)\")|(?<=\"(?:project|taxonomy|contents)\":)\\{");
    private static final Pattern CSV_NESTED_OBJECT = Pattern.compile("\\{(?=\\s*\"\"selections\"\")");
    /** An annotator's name as the key of a label or intent label, or as a label file's annotator or reviewer. */
    private static final Pattern NAME = Pattern.compile("(?<=\\{\\s{0,2}\")[^\"]+(?=\":\\s*\\{\\s*\"selections\")"
            + "|(?<=\"(?:annotator|reviewer)\":\\s{0,2}\")[^\"]+(?=\")");
    private static final Pattern CSV_NAME = Pattern.compile(
            "(?<=\\{\"\")[^\"]+(?=\"\":\\s*\\{\"\"selections\"\")");
    private static final String[] BLANK_NAMES = {"", " ", "\\n", "\\t ", "   "};
    private static final String[] BLANK_LINES = {"\n", "\r\n", "   \n", "\t\n", "\n\n", "\r"};
    /** The start of a JSON string's content: plain, or inside a CSV cell where quotes are doubled. */
    private static final Pattern JSON_STRING = Pattern.compile("\"[a-z0-9_ ]");
    private static final Pattern CSV_JSON_STRING = Pattern.compile("\"\"[a-z0-9_ ]");

    private final Style style;
    private final String header;
    private final List<String> records;
    private final long uncounted;

    /**
     * @param header    text before the first record (a CSV header row), or empty
     * @param records   each record's text with its line break; a CSV record may span lines
     * @param uncounted records that are not counted as data (a label file's header and end records)
     */
    public LineMutants(Style style, String header, List<String> records, long uncounted) {
        this.style = style;
        this.header = header;
        this.records = List.copyOf(records);
        this.uncounted = uncounted;
    }

    /** Splits JSON Lines text into its records. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("(?<=\n)")) {
            lines.add(line);
        }
        return lines;
    }

    public Mutant next(Kind kind, SplittableRandom random) {
        return switch (kind) {
            case RANDOM -> new Mutant(kind, randomDamage(bytes(text()), random), 0, null);
            case TWO_ON_A_LINE -> twoOnALine(random);
            case CR_ENDINGS -> new Mutant(kind, bytes(text().replace("\n", random.nextBoolean() ? "\r" : "\r\n")), 0,
                    null);
            case BLANK_LINES -> blankLines(random);
            case LONE_SURROGATE -> loneSurrogate(random);
            case INVALID_UTF8 -> invalidUtf8(random);
            case UNKNOWN_NESTED_FIELD -> unknownNestedField(random);
            case BLANK_NAME -> blankName(random);
        };
    }

    /** The records a clean read of a random mutant must return: every non-blank one. */
    public long recordsIn(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        long count = style == Style.JSON_LINES ? nonBlankLines(text) : nonBlankCsvRecords(text) - 1;
        return count - uncounted;
    }

    /** The file's lines as an editor counts them (LF, CR LF or a CR on its own end a line). */
    public static long physicalLines(byte[] bytes) {
        return lineOf(bytes, bytes.length);
    }

    private Mutant twoOnALine(SplittableRandom random) {
        if (style == Style.CSV && random.nextBoolean()) {
            // A second JSON value in a cell that holds JSON.
            for (int k = 0; k < records.size(); k++) {
                int cell = records.get(k).lastIndexOf("}\"");
                if (cell >= 0) {
                    String second = new String[] {" {}", " [1]", " null", "{\"\"b\"\": {}}", " 7"}[random.nextInt(5)];
                    List<String> changed = new ArrayList<>(records);
                    changed.set(k, records.get(k).substring(0, cell + 1) + second + records.get(k).substring(cell + 1));
                    return new Mutant(Kind.TWO_ON_A_LINE, bytes(join(changed)), lineOfRecord(k), "second JSON value");
                }
            }
        }
        int k = random.nextInt(records.size() - 1);
        String glue = style == Style.JSON_LINES ? new String[] {"", " ", "\t"}[random.nextInt(3)] : ",";
        List<String> changed = new ArrayList<>(records);
        String record = records.get(k);
        changed.set(k, record.substring(0, record.length() - 1) + glue + records.get(k + 1));
        changed.remove(k + 1);
        return new Mutant(Kind.TWO_ON_A_LINE, bytes(join(changed)), lineOfRecord(k),
                style == Style.JSON_LINES ? "second JSON value" : null);
    }

    private Mutant blankLines(SplittableRandom random) {
        List<String> changed = new ArrayList<>(records);
        int blanks = 1 + random.nextInt(3);
        for (int b = 0; b < blanks; b++) {
            int at = random.nextInt(changed.size() + 1);
            changed.add(at, BLANK_LINES[random.nextInt(BLANK_LINES.length)]);
        }
        String text = join(changed);
        if (random.nextInt(4) == 0) {
            text = text.replace("\n", "\r\n");
        }
        return new Mutant(Kind.BLANK_LINES, bytes(text), 0, null);
    }

    private Mutant loneSurrogate(SplittableRandom random) {
        if (style == Style.XSTEST) {
            // XSTest cells are plain text: a surrogate can only arrive as its (invalid) UTF-8 bytes.
            return invalidUtf8(random);
        }
        Pattern strings = style == Style.CSV ? CSV_JSON_STRING : JSON_STRING;
        List<int[]> places = new ArrayList<>();
        for (int k = 0; k < records.size(); k++) {
            Matcher matcher = strings.matcher(records.get(k));
            while (matcher.find()) {
                places.add(new int[] {k, matcher.start() + (style == Style.CSV ? 2 : 1)});
            }
        }
        int[] place = places.get(random.nextInt(places.size()));
        List<String> changed = new ArrayList<>(records);
        String record = records.get(place[0]);
        changed.set(place[0], record.substring(0, place[1]) + SURROGATE_ESCAPES[random.nextInt(
                SURROGATE_ESCAPES.length)] + record.substring(place[1]));
        return new Mutant(Kind.LONE_SURROGATE, bytes(join(changed)), lineOfRecord(place[0]), "surrogate pair");
    }

    /** A field no nested object knows, put first into one of them: an error on that record's line. */
    private Mutant unknownNestedField(SplittableRandom random) {
        if (style == Style.XSTEST) {
            // XSTest rows have no nested objects; the case is random damage there.
            return new Mutant(Kind.RANDOM, randomDamage(bytes(text()), random), 0, null);
        }
        String field = style == Style.CSV ? "\"\"notes\"\": \"\"x\"\", " : "\"notes\": \"x\", ";
        return replaceOne(Kind.UNKNOWN_NESTED_FIELD, style == Style.CSV ? CSV_NESTED_OBJECT : NESTED_OBJECT,
                found -> found + field, "unknown field", random);
    }

    /** An annotator or reviewer name of nothing but white space: an error on that record's line. */
    private Mutant blankName(SplittableRandom random) {
        if (style == Style.XSTEST) {
            // XSTest's annotators are columns, not names; the case is random damage there.
            return new Mutant(Kind.RANDOM, randomDamage(bytes(text()), random), 0, null);
        }
        String blank = BLANK_NAMES[random.nextInt(BLANK_NAMES.length)];
        return replaceOne(Kind.BLANK_NAME, style == Style.CSV ? CSV_NAME : NAME, found -> blank, null, random);
    }

    private Mutant replaceOne(Kind kind, Pattern where, java.util.function.UnaryOperator<String> change,
                              String reason, SplittableRandom random) {
        List<int[]> places = new ArrayList<>();
        for (int k = 0; k < records.size(); k++) {
            Matcher matcher = where.matcher(records.get(k));
            while (matcher.find()) {
                places.add(new int[] {k, matcher.start(), matcher.end()});
            }
        }
        if (places.isEmpty()) {
            throw new IllegalStateException("the file has no place for a " + kind + " mutant");
        }
        int[] place = places.get(random.nextInt(places.size()));
        List<String> changed = new ArrayList<>(records);
        String record = records.get(place[0]);
        changed.set(place[0], record.substring(0, place[1]) + change.apply(record.substring(place[1], place[2]))
                + record.substring(place[2]));
        return new Mutant(kind, bytes(join(changed)), lineOfRecord(place[0]), reason);
    }

    private Mutant invalidUtf8(SplittableRandom random) {
        String text = text();
        switch (random.nextInt(3)) {
            case 0 -> text = text.replace("\n", "\r");
            case 1 -> text = text.replace("\n", "\r\n");
            default -> { }
        }
        byte[] valid = bytes(text);
        int at = random.nextInt(valid.length + 1);
        byte[] bad = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
        byte[] mutant = concat(concat(Arrays.copyOfRange(valid, 0, at), bad), Arrays.copyOfRange(valid, at,
                valid.length));
        return new Mutant(Kind.INVALID_UTF8, mutant, lineOf(valid, at), "invalid UTF-8");
    }

    private String text() {
        return join(records);
    }

    private String join(List<String> recordTexts) {
        return header + String.join("", recordTexts);
    }

    private long lineOfRecord(int k) {
        return lineOf(bytes(join(records.subList(0, k))), Integer.MAX_VALUE);
    }

    /** The line the byte at {@code offset} is on (or the line after the last, past the end). */
    private static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < Math.min(offset, bytes.length); i++) {
            if (bytes[i] == '\r' || (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))) {
                line++;
            }
        }
        return line;
    }

    private static long nonBlankLines(String text) {
        return Arrays.stream(text.split("\r\n|\r|\n")).filter(line -> !line.isBlank()).count();
    }

    /**
     * Records of RFC 4180 CSV that are not blank: a quote opens a quoted cell only at the cell's start, two quotes
     * inside it are one, and LF, CR LF or CR end a record outside quotes.
     */
    private static long nonBlankCsvRecords(String text) {
        long count = 0;
        int i = 0;
        while (i < text.length()) {
            boolean blank = true;
            int cells = 1;
            boolean cellStart = true;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (cellStart && c == '"') {
                    blank = false;
                    i++;
                    while (i < text.length() && !(text.charAt(i) == '"' && (i + 1 >= text.length()
                            || text.charAt(i + 1) != '"'))) {
                        i += text.charAt(i) == '"' ? 2 : 1;
                    }
                    i++;
                    cellStart = false;
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                    break;
                }
                if (c == ',') {
                    cells++;
                    cellStart = true;
                } else {
                    cellStart = false;
                    if (!Character.isWhitespace(c)) {
                        blank = false;
                    }
                }
                i++;
            }
            if (!(blank && cells == 1)) {
                count++;
            }
        }
        return count;
    }

    /** Byte flips, deletions, duplications, truncation and inserted junk (quotes, braces, line breaks, bad bytes). */
    private static byte[] randomDamage(byte[] input, SplittableRandom random) {
        byte[] data = input.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && data.length > 0; e++) {
            int at = random.nextInt(data.length);
            switch (random.nextInt(6)) {
                case 0 -> data[at] = (byte) random.nextInt(256);
                case 1 -> data = concat(Arrays.copyOfRange(data, 0, at), Arrays.copyOfRange(data,
                        Math.min(data.length, at + 1 + random.nextInt(8)), data.length));
                case 2 -> data = Arrays.copyOfRange(data, 0, at);
                case 3 -> {
                    int end = Math.min(data.length, at + 1 + random.nextInt(40));
                    data = concat(Arrays.copyOfRange(data, 0, end), Arrays.copyOfRange(data, at, data.length));
                }
                case 4 -> {
                    byte[][] junk = {"\"".getBytes(), "{".getBytes(), "}".getBytes(), "]".getBytes(),
                        "\n".getBytes(), "\r".getBytes(), ",".getBytes(), {(byte) 0xC3}, {(byte) 0xFF, (byte) 0xFE},
                        "\u0000".getBytes(), "null".getBytes(), "\u202E".getBytes(StandardCharsets.UTF_8),
                        "\\ud800".getBytes(), "\"9999-99-99T99:99:99Z\"".getBytes(), "[]".getBytes()};
                    data = concat(concat(Arrays.copyOfRange(data, 0, at), junk[random.nextInt(junk.length)]),
                            Arrays.copyOfRange(data, at, data.length));
                }
                default -> data = concat(Arrays.copyOfRange(data, 0, at), concat("9".repeat(random.nextInt(30))
                        .getBytes(), Arrays.copyOfRange(data, at, data.length)));
            }
        }
        return data;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream(a.length + b.length);
        joined.writeBytes(a);
        joined.writeBytes(b);
        return joined.toByteArray();
    }
}
