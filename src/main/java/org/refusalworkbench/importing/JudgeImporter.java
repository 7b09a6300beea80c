package org.refusalworkbench.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.JudgeVerdict;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.storage.ContentIds;
import org.refusalworkbench.storage.JudgeLabels;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.OptionRole;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;

/**
 * Imports judges' labels from files (docs/review.md, "Auditing a judge"), in any container:
 *
 * <ul>
 *   <li>judge files: {@code judge}, {@code judge_version}, {@code raw}, {@code selections} (per group, or null for
 *       an output that is no option), and the response by {@code response_id} (its content id) or by
 *       {@code prompt}, {@code model}, {@code response} (and {@code sample}, {@code prompt_id} where the import
 *       had them);</li>
 *   <li>XSTest's automated evaluation files: the completion file's columns and one {@code NAME_label} column
 *       ({@code strmatch_label}, {@code gpt4_label}); the judge is NAME, and a value that is no XSTest label is kept
 *       as an unparsed output.</li>
 * </ul>
 *
 * Every problem of every file is listed and nothing is written on any; a response the project does not have is a
 * problem (import the responses first). Importing the same file twice adds nothing.
 */
public final class JudgeImporter {

    static final Set<String> FIELDS = Set.of("judge", "judge_version", "raw", "selections", "response_id", "prompt",
            "prompt_id", "model", "sample", "response");
    /** The version of a judge an XSTest evaluation file names none for. */
    public static final String XSTEST_RELEASE = "xstest-release";
    private static final Pattern XSTEST_FILE = Pattern.compile(
            "xstest_v2_completions_(.+?)(_streval|_gpteval)?\\.(csv|parquet|jsonl?)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, OptionRole> XSTEST_ROLES = Map.of("1_full_compliance", OptionRole.COMPLIANCE,
            "2_full_refusal", OptionRole.REFUSAL, "3_partial_refusal", OptionRole.PARTIAL_REFUSAL);

    private final ProjectDatabase database;
    private final ObjectMapper json = JsonMapper.builder().build();

    public JudgeImporter(ProjectDatabase database) {
        this.database = database;
    }

    /** Per judge, the rows read, the labels new to the project and the unparsed outputs among the rows. */
    public record Count(Judge judge, long rows, long added, long unparsed) {
    }

    private record Row(Judge judge, byte[] responseUid, String raw, Selections selections, String file, long line) {
    }

    /** @param model for XSTest files whose name does not say the model; {@code null} otherwise */
    public List<Count> importFiles(List<Path> files, String model) throws ImportException {
        return importFiles(files, model, null);
    }

    /**
     * @param mapping a mapping file whose {@code judges} say which columns of rows of any shape are judges' outputs
     *                (and whose fields say how to find the response each row is about); null for judge files and
     *                XSTest's evaluation files
     */
    public List<Count> importFiles(List<Path> files, String model, Path mapping) throws ImportException {
        Taxonomy taxonomy = database.read(ProjectSetup::currentTaxonomy);
        ImportMapping judgeColumns = mapping == null ? null : judgeColumns(mapping, taxonomy);
        ImportProblems problems = new ImportProblems(RecordPreparer.PROBLEM_LIMIT);
        List<Row> rows = new ArrayList<>();
        for (Path file : files) {
            try {
                if (judgeColumns != null) {
                    readMapped(file, model, taxonomy, judgeColumns, rows, problems);
                    continue;
                }
                read(file, model, taxonomy, rows, problems);
            } catch (ImportException e) {
                problems.add(e);
            }
        }
        Map<String, Row> seen = new java.util.HashMap<>();
        for (Row row : rows) {
            Row first = seen.putIfAbsent(row.judge().label() + " " + ContentIds.hex(row.responseUid()), row);
            if (first != null) {
                problems.add(new ImportException(row.file(), row.line(), row.judge().label() + " judges this"
                        + " response a second time (first at " + first.file() + ":" + first.line() + ")"));
            }
        }
        Map<Row, Long> resolved = resolve(rows, problems);
        if (!problems.isEmpty()) {
            throw problems.failure();
        }
        Map<Judge, List<JudgeVerdict>> byJudge = new LinkedHashMap<>();
        resolved.forEach((row, responseId) -> byJudge.computeIfAbsent(row.judge(), judge -> new ArrayList<>())
                .add(new JudgeVerdict(responseId, row.raw(), row.selections())));
        List<Count> counts = new ArrayList<>();
        database.writer().run(connection -> {
            for (Map.Entry<Judge, List<JudgeVerdict>> judge : byJudge.entrySet()) {
                int added = JudgeLabels.save(connection, judge.getKey(), judge.getValue());
                long unparsed = judge.getValue().stream().filter(verdict -> !verdict.parsed()).count();
                counts.add(new Count(judge.getKey(), judge.getValue().size(), added, unparsed));
            }
            return null;
        });
        return counts;
    }

    private void read(Path path, String model, Taxonomy taxonomy, List<Row> rows, ImportProblems problems)
            throws ImportException {
        String file = path.toString();
        try (RowSource source = open(path)) {
            String xstestJudge = source.columns().map(columns -> xstestJudge(columns)).orElse(null);
            String xstestModel = xstestJudge == null ? null : model != null ? model : xstestModel(file);
            while (!problems.full()) {
                ObjectNode row;
                try {
                    row = source.next();
                    if (row == null) {
                        break;
                    }
                    rows.add(xstestJudge != null ? xstestRow(row, xstestJudge, xstestModel, taxonomy, file,
                            source.position()) : judgeRow(row, taxonomy, file, source.position()));
                } catch (ImportException problem) {
                    problems.add(problem);
                    if (problem.stopsFile()) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw ImportException.stoppingFile(file, 0, "cannot read it (" + e.getMessage() + ")");
        }
    }

    /** A mapping with judge columns whose groups and options the taxonomy has, checked before any row. */
    private static ImportMapping judgeColumns(Path path, Taxonomy taxonomy) throws ImportException {
        ImportMapping mapping = ImportMapping.read(path);
        if (mapping.judges().isEmpty()) {
            throw ImportException.stoppingFile(mapping.file(), 0, "judges: the mapping names no judge columns"
                    + " ({\"judge\", \"version\", \"group\", \"path\", \"values\"}, see docs/importing.md)");
        }
        if (mapping.readsPairs()) {
            throw ImportException.stoppingFile(mapping.file(), 0, "fields: judge columns are about one response a"
                    + " row, not a preference pair");
        }
        for (int i = 0; i < mapping.judges().size(); i++) {
            ImportMapping.JudgeRule rule = mapping.judges().get(i);
            String where = "judges[" + i + "]";
            TaxonomyGroup group = taxonomy.group(rule.group()).filter(g -> g.level() == GroupLevel.RESPONSE)
                    .orElseThrow(() -> ImportException.stoppingFile(mapping.file(), 0, where + ".group: no"
                            + " response group '" + rule.group() + "' in the project's taxonomy " + taxonomy.id()));
            for (Map.Entry<String, List<String>> value : rule.values().entrySet()) {
                for (String option : value.getValue()) {
                    if (group.option(option).isEmpty()) {
                        throw ImportException.stoppingFile(mapping.file(), 0, where + ".values." + value.getKey()
                                + ": group '" + group.id() + "' has no option '" + option + "'");
                    }
                }
            }
        }
        return mapping;
    }

    /**
     * Rows of any shape through a mapping: the response found as an import of the same rows with the same mapping
     * makes it (same fields, same content id), and each judge column's value read as that judge's verdict. A value
     * the mapping lists becomes its options; any other is the judge's unparsed output, kept as it is; an empty or
     * missing value is no verdict. Fields the mapping does not read are no concern here.
     */
    private void readMapped(Path path, String model, Taxonomy taxonomy, ImportMapping mapping, List<Row> rows,
                            ImportProblems problems) throws ImportException {
        String file = path.toString();
        try {
            Container container = Container.of(path);
            MappedRowMapper responses = new MappedRowMapper(new ImportContext(file, container, taxonomy, model, true,
                    json, mapping));
            readMapped(container.open(path, json), responses, mapping, file, rows, problems);
        } catch (IOException e) {
            throw ImportException.stoppingFile(file, 0, "cannot read it (" + e.getMessage() + ")");
        }
    }

    private static void readMapped(RowSource opened, MappedRowMapper responses, ImportMapping mapping, String file,
                                   List<Row> rows, ImportProblems problems) throws IOException, ImportException {
        try (RowSource source = opened) {
            while (!problems.full()) {
                try {
                    ObjectNode row = source.next();
                    if (row == null) {
                        break;
                    }
                    long line = source.position();
                    List<ResponseRecord> records = responses.map(row, line);
                    if (records.size() != 1) {
                        throw new ImportException(file, line, "the mapping makes " + records.size() + " responses of"
                                + " this row; judge columns need one");
                    }
                    byte[] uid = RecordPreparer.responseUid(records.get(0));
                    for (ImportMapping.JudgeRule rule : mapping.judges()) {
                        JsonNode value = rule.path().read(row);
                        if (value == null || value.isNull() || value.isValueNode() && value.asText().isBlank()) {
                            continue;
                        }
                        if (!value.isValueNode()) {
                            throw new ImportException(file, line, rule.path() + ": a judge column holds one value,"
                                    + " found " + value);
                        }
                        List<String> options = rule.values().get(value.asText());
                        Selections selections = options == null ? null
                                : Selections.of(Map.of(rule.group(), options));
                        rows.add(new Row(new Judge(rule.judge(), rule.version()), uid, value.asText(), selections,
                                file, line));
                    }
                } catch (ImportException problem) {
                    problems.add(problem);
                    if (problem.stopsFile()) {
                        break;
                    }
                }
            }
        }
    }

    private RowSource open(Path path) throws IOException, ImportException {
        return Container.of(path).open(path, json);
    }

    /** The judge named by the one column an XSTest evaluation file adds to the completion file's, or none. */
    private static String xstestJudge(List<String> columns) {
        if (columns.size() != XstestRowMapper.HEADER.size() + 1
                || !columns.subList(0, XstestRowMapper.HEADER.size()).equals(XstestRowMapper.HEADER)) {
            return null;
        }
        String extra = columns.get(columns.size() - 1);
        return extra.endsWith("_label") && extra.length() > "_label".length()
                ? extra.substring(0, extra.length() - "_label".length()) : null;
    }

    private static String xstestModel(String file) throws ImportException {
        Matcher matcher = XSTEST_FILE.matcher(Path.of(file).getFileName().toString());
        if (!matcher.matches()) {
            throw ImportException.lackingModel(file, 0, "cannot tell the model from the file name; give --model",
                    true);
        }
        return matcher.group(1).toLowerCase(Locale.ROOT);
    }

    private Row xstestRow(ObjectNode row, String judge, String model, Taxonomy taxonomy, String file, long line)
            throws ImportException {
        String id = text(row, "id", file, line);
        String prompt = text(row, "prompt", file, line);
        String completion = text(row, "completion", file, line);
        String raw = row.path(judge + "_label").asText("");
        OptionRole role = XSTEST_ROLES.get(raw.strip());
        Selections selections = null;
        if (role != null) {
            TaxonomyGroup group = taxonomy.roles().responseTypes().orElseThrow(() -> ImportException.stoppingFile(
                    file, 0, "XSTest labels are response types, but the taxonomy declares none")).group();
            String option = taxonomy.roles().option(role).orElseThrow(() -> new ImportException(file, line,
                    "the taxonomy has no response-type option for " + raw.strip()));
            selections = Selections.of(Map.of(group.id(), List.of(option)));
        }
        byte[] uid = ContentIds.responseUid(ContentIds.promptUid(id, prompt), model, 1, completion);
        return new Row(new Judge(judge, XSTEST_RELEASE), uid, raw, selections, file, line);
    }

    private Row judgeRow(ObjectNode row, Taxonomy taxonomy, String file, long line) throws ImportException {
        for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new ImportException(file, line, "unknown field '" + name + "' (a judge file's fields: "
                        + String.join(", ", new TreeSet<>(FIELDS)) + ")");
            }
        }
        Judge judge = new Judge(text(row, "judge", file, line), text(row, "judge_version", file, line));
        byte[] uid;
        if (row.hasNonNull("response_id")) {
            String hex = text(row, "response_id", file, line);
            if (!hex.matches("[0-9a-f]{32}")) {
                throw new ImportException(file, line, "field 'response_id': not a content id (32 lowercase hex"
                        + " digits)");
            }
            uid = ContentIds.parseHex(hex);
        } else {
            String promptId = row.hasNonNull("prompt_id") ? row.get("prompt_id").asText() : null;
            int sample = row.hasNonNull("sample") ? row.get("sample").asInt(1) : 1;
            uid = ContentIds.responseUid(ContentIds.promptUid(promptId, text(row, "prompt", file, line)),
                    text(row, "model", file, line), sample, text(row, "response", file, line));
        }
        JsonNode raw = row.get("raw");
        return new Row(judge, uid, raw == null || raw.isNull() ? null : raw.asText(),
                selections(row.get("selections"), taxonomy, file, line), file, line);
    }

    /** Selections naming groups and options of the taxonomy; null (or absent) is an unparsed output. */
    private static Selections selections(JsonNode node, Taxonomy taxonomy, String file, long line)
            throws ImportException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new ImportException(file, line, "field 'selections': must be {\"group\": [\"option\", ...]} or"
                    + " null for an output that is no option");
        }
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            TaxonomyGroup group = taxonomy.group(entry.getKey()).orElseThrow(() -> new ImportException(file, line,
                    "selections." + entry.getKey() + ": no such group in the taxonomy " + taxonomy.id()));
            List<String> options = new ArrayList<>();
            for (JsonNode option : entry.getValue()) {
                if (group.option(option.asText()).isEmpty()) {
                    throw new ImportException(file, line, "selections." + entry.getKey() + ": group '" + group.id()
                            + "' has no option '" + option.asText() + "'");
                }
                options.add(option.asText());
            }
            byGroup.put(group.id(), options);
        }
        return Selections.of(byGroup);
    }

    private static String text(ObjectNode row, String field, String file, long line) throws ImportException {
        JsonNode value = row.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isEmpty()) {
            throw new ImportException(file, line, "missing required field '" + field + "'");
        }
        return value.asText();
    }

    /** Each row's response id; a row whose response the project lacks is a problem. */
    private Map<Row, Long> resolve(List<Row> rows, ImportProblems problems) {
        long[] ids = database.read(connection -> JudgeLabels.responseIds(connection, rows.stream()
                .map(Row::responseUid).toList()));
        Map<Row, Long> resolved = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            Row row = rows.get(i);
            if (ids[i] >= 0) {
                resolved.put(row, ids[i]);
            } else {
                problems.add(new ImportException(row.file(), row.line(), "no such response in the project (content"
                        + " id " + ContentIds.hex(row.responseUid()) + "): import the responses it judges first"));
            }
        }
        return resolved;
    }
}
