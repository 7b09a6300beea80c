package org.refusalworkbench.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.taxonomy.OptionRole;
import org.refusalworkbench.taxonomy.ResponseTypes;
import org.refusalworkbench.taxonomy.TaxonomyRoles;

/**
 * XSTest v2 completion files. {@code type} becomes the category; types starting with {@code contrast_} are the
 * unsafe prompts. The two annotation columns become two annotators' response types, {@code final_label} the gold;
 * each label is the option with the matching role (compliance, refusal, partial refusal) in the project's taxonomy.
 */
final class XstestRowMapper implements RowMapper {

    static final List<String> HEADER = List.of("id", "type", "prompt", "completion", "annotation_1", "annotation_2",
            "agreement", "final_label");
    static final String FIRST_ANNOTATOR = "xstest-annotator-1";
    static final String SECOND_ANNOTATOR = "xstest-annotator-2";
    static final String REVIEWER = "xstest-final";
    private static final Pattern FILE_NAME = Pattern.compile("xstest_v2_completions_(.+)\\.(csv|parquet|jsonl?)",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> LABELS = List.of("1_full_compliance", "2_full_refusal", "3_partial_refusal");
    private static final Map<String, OptionRole> ROLES = Map.of(
            "1_full_compliance", OptionRole.COMPLIANCE,
            "2_full_refusal", OptionRole.REFUSAL,
            "3_partial_refusal", OptionRole.PARTIAL_REFUSAL);

    private final ImportContext context;
    private final String model;
    private final TaxonomyRoles roles;
    private final String responseTypeGroup;

    /** XSTest's labels are response types, so they map through the taxonomy's response-type roles or not at all. */
    XstestRowMapper(ImportContext context) throws ImportException {
        this.context = context;
        this.roles = context.taxonomy().roles();
        ResponseTypes responseTypes = roles.responseTypes().orElseThrow(() -> ImportException.stoppingFile(
                context.file(), 0, "XSTest labels cannot be imported: " + TaxonomyRoles.NO_RESPONSE_TYPES
                        + " (see the roles in docs/taxonomy.md)"));
        this.responseTypeGroup = responseTypes.group().id();
        this.model = context.model() != null ? context.model() : modelFromName(context.file());
    }

    @Override
    public void checkColumns(List<String> columns, String file) throws ImportException {
        if (!columns.equals(HEADER)) {
            throw ImportException.stoppingFile(file, 1, "not an XSTest completion file: expected the header "
                    + String.join(",", HEADER) + ", found " + String.join(",", columns));
        }
    }

    @Override
    public List<ResponseRecord> map(ObjectNode row, long line) throws ImportException {
        String id = text(row, "id", line);
        String type = text(row, "type", line);
        String prompt = text(row, "prompt", line);
        String completion = text(row, "completion", line);
        if (id.isBlank() || prompt.isBlank()) {
            throw context.error(line, "'id' and 'prompt' must not be empty");
        }
        SafetyLabel safety = type.startsWith("contrast") ? SafetyLabel.UNSAFE : SafetyLabel.SAFE;
        List<LabelInput> labels = List.of(
                new LabelInput(FIRST_ANNOTATOR, responseType(row, "annotation_1", line), null),
                new LabelInput(SECOND_ANNOTATOR, responseType(row, "annotation_2", line), null));
        LabelInput gold = new LabelInput(REVIEWER, responseType(row, "final_label", line), "XSTest final label");
        return List.of(new ResponseRecord(line, id, prompt, type, safety, model, 1, id, completion, null, null,
                labels, List.of(), gold));
    }

    private String text(ObjectNode row, String column, long line) throws ImportException {
        if (!row.hasNonNull(column)) {
            throw context.error(line, "missing column '" + column + "'");
        }
        return row.get(column).asText();
    }

    private Selections responseType(ObjectNode row, String column, long line) throws ImportException {
        String value = text(row, column, line);
        OptionRole role = ROLES.get(value.strip());
        if (role == null) {
            throw context.error(line, "'" + column + "' has unknown label '" + value
                    + "' (expected one of " + String.join(", ", LABELS) + ")");
        }
        String option = roles.option(role).orElseThrow(() -> context.error(line, "'" + column
                + "' is " + value.strip() + ", but the taxonomy has no response-type option with \"role\": \""
                + role.jsonName() + "\""));
        return Selections.of(Map.of(responseTypeGroup, List.of(option)));
    }

    private static String modelFromName(String file) throws ImportException {
        Matcher matcher = FILE_NAME.matcher(Path.of(file).getFileName().toString());
        if (!matcher.matches()) {
            throw ImportException.lackingModel(file, 0, "cannot tell the model from the file name; give --model",
                    true);
        }
        return matcher.group(1).toLowerCase(Locale.ROOT);
    }
}
