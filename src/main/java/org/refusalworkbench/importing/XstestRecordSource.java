package org.refusalworkbench.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

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
final class XstestRecordSource implements RecordSource {

    static final List<String> HEADER = List.of("id", "type", "prompt", "completion", "annotation_1", "annotation_2",
            "agreement", "final_label");
    static final String FIRST_ANNOTATOR = "xstest-annotator-1";
    static final String SECOND_ANNOTATOR = "xstest-annotator-2";
    static final String REVIEWER = "xstest-final";
    private static final List<String> LABELS = List.of("1_full_compliance", "2_full_refusal", "3_partial_refusal");
    private static final Map<String, OptionRole> ROLES = Map.of(
            "1_full_compliance", OptionRole.COMPLIANCE,
            "2_full_refusal", OptionRole.REFUSAL,
            "3_partial_refusal", OptionRole.PARTIAL_REFUSAL);

    private final CsvRows rows;
    private final String file;
    private final String model;
    private final TaxonomyRoles roles;
    private final String responseTypeGroup;

    /** XSTest's labels are response types, so they map through the taxonomy's response-type roles or not at all. */
    XstestRecordSource(InputStream in, String file, String model, TaxonomyRoles roles) throws ImportException {
        ResponseTypes responseTypes = roles.responseTypes().orElseThrow(() -> new ImportException(file, 0,
                "XSTest labels cannot be imported: " + TaxonomyRoles.NO_RESPONSE_TYPES + " (see the roles in"
                        + " docs/taxonomy.md)"));
        this.rows = new CsvRows(in, file);
        this.file = file;
        this.model = model;
        this.roles = roles;
        this.responseTypeGroup = responseTypes.group().id();
        if (!rows.header().equals(HEADER)) {
            throw new ImportException(file, 1, "not an XSTest completion file: expected the header "
                    + String.join(",", HEADER) + ", found " + String.join(",", rows.header()));
        }
    }

    @Override
    public ResponseRecord next() throws ImportException {
        String[] cells = rows.next();
        if (cells == null) {
            return null;
        }
        long line = rows.currentLine();
        String id = cells[0];
        String type = cells[1];
        String prompt = cells[2];
        String completion = cells[3];
        if (id.isBlank() || prompt.isBlank()) {
            throw new ImportException(file, line, "'id' and 'prompt' must not be empty");
        }
        SafetyLabel safety = type.startsWith("contrast") ? SafetyLabel.UNSAFE : SafetyLabel.SAFE;
        List<LabelInput> labels = List.of(
                new LabelInput(FIRST_ANNOTATOR, responseType(cells[4], "annotation_1", line), null),
                new LabelInput(SECOND_ANNOTATOR, responseType(cells[5], "annotation_2", line), null));
        LabelInput gold = new LabelInput(REVIEWER, responseType(cells[7], "final_label", line),
                "XSTest final label");
        return new ResponseRecord(line, id, prompt, type, safety, model, 1, id, completion, null, null, labels,
                List.of(), gold);
    }

    private Selections responseType(String value, String column, long line) throws ImportException {
        OptionRole role = ROLES.get(value.strip());
        if (role == null) {
            throw new ImportException(file, line, "'" + column + "' has unknown label '" + value
                    + "' (expected one of " + String.join(", ", LABELS) + ")");
        }
        String option = roles.option(role).orElseThrow(() -> new ImportException(file, line, "'" + column
                + "' is " + value.strip() + ", but the taxonomy has no response-type option with \"role\": \""
                + role.jsonName() + "\""));
        return Selections.of(Map.of(responseTypeGroup, List.of(option)));
    }

    @Override
    public long bytesRead() {
        return rows.bytesRead();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
