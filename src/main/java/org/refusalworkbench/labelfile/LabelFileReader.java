package org.refusalworkbench.labelfile;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.fileio.JsonLineReader;
import org.refusalworkbench.fileio.StrictLineReader;

/**
 * Reads a label file one record at a time: the header first, then judgements until the end record. Only the
 * current line is held, so a file of any size streams through in constant memory. Every problem is reported as
 * {@code FILE:LINE: reason}, including a file cut short (mid-line, or at a line break before the end record).
 */
public final class LabelFileReader implements AutoCloseable {

    /** One label record is small; a longer line is damage, not data. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private static final Set<String> HEADER_FIELDS = Set.of("record", "format", "format_version", "taxonomy",
            "project", "exported_at", "app_version", "contents");
    private static final Set<String> END_FIELDS = Set.of("record", "records");
    private static final Set<String> JUDGE_FIELDS = Set.of("record", "response_id", "prompt_id", "model", "sample",
            "judge", "judge_version", "raw", "selections", "created_at");

    /** Clocks of workstations disagree by minutes, time zones set wrong by hours: a day ahead is neither. */
    static final Duration LARGEST_CLOCK_AHEAD = Duration.ofDays(1);

    private final JsonLineReader lines;
    private final String file;
    private final Instant latestTime = Instant.now().plus(LARGEST_CLOCK_AHEAD);
    private final ObjectMapper json = JsonMapper.builder().build();
    private boolean headerRead;
    private boolean ended;
    private long judgements;

    public LabelFileReader(InputStream in, String file) {
        this.lines = new JsonLineReader(in, MAX_LINE_BYTES, json);
        this.file = file;
    }

    public LabelFileHeader header() throws LabelFileException {
        if (headerRead) {
            throw new IllegalStateException("the header has been read already");
        }
        headerRead = true;
        JsonNode node = nextObject();
        if (node == null) {
            throw new LabelFileException(file, 1, "empty file: a label file starts with a header record");
        }
        RecordFields fields = fields(node);
        if (!"header".equals(fields.optionalText("record")) || !LabelFileHeader.FORMAT.equals(
                fields.optionalText("format"))) {
            throw fields.error("not a label file: the first line must be the header record with \"format\": \""
                    + LabelFileHeader.FORMAT + "\"");
        }
        checkFormatVersion(fields);
        fields.allowOnly(HEADER_FIELDS);
        String exportedAt = fields.optionalText("exported_at");
        if (exportedAt != null) {
            fields.instant("exported_at", latestTime);
        }
        RecordFields taxonomy = fields.object("taxonomy");
        taxonomy.allowOnly(Set.of("id", "version", "content_hash"));
        String projectId = null;
        String projectName = null;
        if (fields.has("project")) {
            RecordFields project = fields.object("project");
            project.allowOnly(Set.of("id", "name"));
            projectId = project.optionalText("id");
            projectName = project.optionalText("name");
        }
        String annotator = null;
        boolean goldOnly = false;
        if (fields.has("contents")) {
            RecordFields contents = fields.object("contents");
            contents.allowOnly(Set.of("annotator", "gold_only"));
            annotator = contents.optionalText("annotator");
            goldOnly = contents.has("gold_only") && contents.bool("gold_only");
        }
        return new LabelFileHeader(LabelFileHeader.VERSION, taxonomy.requiredText("id"),
                taxonomy.requiredText("version"), taxonomy.requiredText("content_hash"), projectId, projectName,
                exportedAt,
                fields.optionalText("app_version"), annotator, goldOnly);
    }

    /**
     * Checked before anything else, so a file of another version gets this message rather than one about a field
     * this release does not know. The version is a JSON number: 1.0 is the number 1, as the published schema's
     * {@code "const": 1} also has it; text, null, other numbers and no version at all are refused.
     */
    private static void checkFormatVersion(RecordFields fields) throws LabelFileException {
        JsonNode version = fields.value("format_version");
        if (version == null) {
            throw fields.error("unsupported format version: none given (this release reads version "
                    + LabelFileHeader.VERSION + ")");
        }
        boolean current = version.isIntegralNumber() ? version.canConvertToInt()
                && version.intValue() == LabelFileHeader.VERSION
                : version.isFloatingPointNumber() && version.doubleValue() == LabelFileHeader.VERSION;
        if (!current) {
            throw fields.error("unsupported format version " + version + " (this release reads version "
                    + LabelFileHeader.VERSION + ")");
        }
    }

    /** @return the next judgement or judge verdict, or {@code null} once the end record has been read and checked */
    public LabelFileRecord next() throws LabelFileException {
        if (!headerRead) {
            throw new IllegalStateException("read the header first");
        }
        if (ended) {
            return null;
        }
        JsonNode node = nextObject();
        if (node == null) {
            throw new LabelFileException(file, lines.lineNumber(), "the file ends without its end record,"
                    + " so it was cut short; export it again");
        }
        RecordFields fields = fields(node);
        String record = fields.requiredText("record");
        if (record.equals("end")) {
            fields.allowOnly(END_FIELDS);
            long declared = fields.nonNegativeInt("records", 0);
            if (declared != judgements) {
                throw fields.error("the end record counts " + declared + " records but the file holds "
                        + judgements);
            }
            ended = true;
            if (nextObject() != null) {
                throw new LabelFileException(file, lines.lineNumber(), "records after the end record");
            }
            return null;
        }
        if (record.equals("judge")) {
            judgements++;
            return judge(fields);
        }
        RecordType type = RecordType.fromWire(record);
        if (type == null) {
            throw fields.error("unknown record type '" + record + "' (expected label, intent, adjudication, judge or"
                    + " end)");
        }
        judgements++;
        return judgement(type, fields);
    }

    public long bytesRead() {
        return lines.bytesRead();
    }

    public String file() {
        return file;
    }

    private JudgementRecord judgement(RecordType type, RecordFields fields) throws LabelFileException {
        fields.allowOnly(type.belongsToResponse()
                ? type == RecordType.LABEL
                        ? Set.of("record", "response_id", "prompt_id", "model", "sample", type.personField,
                                type.selectionsField, type.textField, "created_at", "updated_at", "seconds_spent")
                        : Set.of("record", "response_id", "prompt_id", "model", "sample", type.personField,
                                type.selectionsField, type.textField, "created_at", "updated_at")
                : Set.of("record", "prompt_id", type.personField, type.selectionsField, type.textField,
                        "created_at", "updated_at"));
        String responseId = type.belongsToResponse() ? fields.contentId("response_id") : null;
        String model = type.belongsToResponse() ? fields.optionalText("model") : null;
        Integer sample = type.belongsToResponse() && fields.has("sample") ? fields.nonNegativeInt("sample", 1) : null;
        int seconds = type == RecordType.LABEL && fields.has("seconds_spent")
                ? fields.nonNegativeInt("seconds_spent", 0) : 0;
        return new JudgementRecord(type, lines.lineNumber(), responseId, fields.contentId("prompt_id"), model, sample,
                fields.requiredText(type.personField), fields.selections(type.selectionsField),
                fields.optionalText(type.textField), fields.instant("created_at", latestTime),
                fields.instant("updated_at", latestTime),
                seconds);
    }

    private JudgeRecord judge(RecordFields fields) throws LabelFileException {
        fields.allowOnly(JUDGE_FIELDS);
        String name = fields.requiredText("judge");
        String version = fields.requiredText("judge_version");
        JsonNode selections = fields.value("selections");
        if (selections == null) {
            throw fields.error("selections: required (null for an output that is no option)");
        }
        return new JudgeRecord(lines.lineNumber(), fields.contentId("response_id"), fields.contentId("prompt_id"),
                fields.optionalText("model"), fields.has("sample") ? fields.nonNegativeInt("sample", 1) : null,
                new org.refusalworkbench.domain.Judge(name, version), fields.optionalText("raw"),
                selections.isNull() ? null : fields.selections("selections"),
                fields.instant("created_at", latestTime));
    }

    private RecordFields fields(JsonNode node) {
        return new RecordFields(node, file, lines.lineNumber(), "");
    }

    /** The next non-blank line as a JSON object, or {@code null} at the end of the input. */
    private JsonNode nextObject() throws LabelFileException {
        try {
            JsonNode node = lines.next();
            if (node != null && !node.isObject()) {
                throw new LabelFileException(file, lines.lineNumber(), "expected a JSON object");
            }
            return node;
        } catch (StrictLineReader.LineException e) {
            throw new LabelFileException(file, e.line(), switch (e.kind()) {
                case INVALID_UTF8 -> "invalid UTF-8 (a label file is always UTF-8)";
                case TRUNCATED_JSON -> "truncated record: the file ends in the middle of this line";
                default -> e.reason();
            });
        } catch (IOException e) {
            throw new LabelFileException(file, lines.lineNumber() + 1, "cannot read: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
