package org.refusalworkbench.project;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.export.TableColumn;
import org.refusalworkbench.report.AgreementMeasures;
import org.refusalworkbench.report.HeadlineMetric;
import org.refusalworkbench.report.ProjectAgreement;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;

/**
 * The {@code README.md} of a dataset folder: YAML front matter in the Hugging Face dataset card's terms
 * ({@code license}, {@code pretty_name}, {@code configs} with their data files, {@code dataset_info} with each
 * configuration's features), then the taxonomy, the label counts and the agreement figures for a person to read.
 */
final class DatasetCard {

    private final String project;
    private final Taxonomy taxonomy;
    private final String license;
    private final List<TableColumn> labelColumns;
    private final List<String> finalGroups;
    private final boolean hasPairs;
    private final LabelCounts counts;
    private final ProjectAgreement agreement;
    private final long responses;
    private final String appVersion;

    DatasetCard(String project, Taxonomy taxonomy, String license, List<TableColumn> labelColumns,
                List<String> finalGroups, boolean hasPairs, LabelCounts counts, ProjectAgreement agreement,
                long responses, String appVersion) {
        this.project = project;
        this.taxonomy = taxonomy;
        this.license = license;
        this.labelColumns = labelColumns;
        this.finalGroups = finalGroups;
        this.hasPairs = hasPairs;
        this.counts = counts;
        this.agreement = agreement;
        this.responses = responses;
        this.appVersion = appVersion;
    }

    /** How often each option was chosen in the people's labels, and how many labels answered its group. */
    record LabelCounts(long labels, Map<String, Long> answered, Map<String, Long> chosen) {

        private static final ObjectMapper JSON = JsonMapper.builder().build();

        /** Counts the label table as written, so the card describes exactly the file beside it. */
        static LabelCounts read(Path labelTable, Taxonomy taxonomy) throws IOException {
            Map<String, Long> answered = new LinkedHashMap<>();
            Map<String, Long> chosen = new LinkedHashMap<>();
            long labels = 0;
            try (BufferedReader lines = Files.newBufferedReader(labelTable, StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    JsonNode row = JSON.readTree(line);
                    if (!row.path("kind").asText().equals("label") && !row.path("kind").asText().equals("intent")) {
                        continue;
                    }
                    labels++;
                    for (TaxonomyGroup group : taxonomy.groups()) {
                        if (row.path(group.id() + ".answered").asBoolean(false)) {
                            answered.merge(group.id(), 1L, Long::sum);
                        }
                        for (TaxonomyOption option : group.options()) {
                            String key = group.id() + "." + option.id();
                            if (row.path(key).asBoolean(false)) {
                                chosen.merge(key, 1L, Long::sum);
                            }
                        }
                    }
                }
            }
            return new LabelCounts(labels, answered, chosen);
        }
    }

    String render() {
        StringBuilder card = new StringBuilder();
        card.append("---\n");
        card.append("license: ").append(yaml(license)).append('\n');
        card.append("pretty_name: ").append(yaml(project)).append('\n');
        card.append("tags:\n- refusal\n- safety\n- human-annotation\n");
        card.append("configs:\n");
        config(card, "labels", DatasetFolderExport.LABELS, true);
        config(card, "final_labels", DatasetFolderExport.FINAL_LABELS, false);
        if (hasPairs) {
            config(card, "trl_dpo", DatasetFolderExport.DPO, false);
        }
        card.append("dataset_info:\n");
        card.append("- config_name: labels\n  features:\n");
        for (TableColumn column : labelColumns) {
            card.append("  - name: ").append(yaml(column.name())).append('\n');
            card.append("    dtype: ").append(dtype(column.type())).append('\n');
        }
        card.append("- config_name: final_labels\n  features:\n");
        for (String field : List.of("response_id", "prompt_id", "model")) {
            feature(card, field, "string");
        }
        feature(card, "sample", "int64");
        for (String field : List.of("prompt_safety", "response_external_id", "prompt_external_id", "category",
                "prompt", "response")) {
            feature(card, field, "string");
        }
        card.append("  - name: messages\n    list:\n    - name: role\n      dtype: string\n"
                + "    - name: content\n      dtype: string\n");
        card.append("  - name: labels\n    struct:\n");
        for (String group : finalGroups) {
            card.append("    - name: ").append(yaml(group)).append('\n');
            card.append("      struct:\n      - name: options\n        sequence: string\n"
                    + "      - name: source\n        dtype: string\n");
        }
        // Judges' verdicts, apart from the people's: a list, since a response has one per judge that judged it.
        card.append("  - name: judges\n    list:\n    - name: judge\n      dtype: string\n"
                + "    - name: selections\n      struct:\n");
        for (TaxonomyGroup group : taxonomy.groups(org.refusalworkbench.taxonomy.GroupLevel.RESPONSE)) {
            card.append("      - name: ").append(yaml(group.id())).append("\n        sequence: string\n");
        }
        card.append("    - name: raw\n      dtype: string\n");
        card.append("---\n\n");
        body(card);
        return card.toString();
    }

    private void body(StringBuilder card) {
        card.append("# ").append(project).append("\n\n");
        card.append(String.format(Locale.ROOT, "Human judgements of how models refuse: %,d responses, %,d labels"
                + " by people. Exported by Refusal Workbench %s with the taxonomy `%s` %s.%n%n", responses,
                counts.labels(), appVersion, taxonomy.id(), taxonomy.version()));
        card.append("```python\nfrom datasets import load_dataset\n\n"
                + "labels = load_dataset(\"path/to/this/folder\")                  # one row per label\n"
                + "final = load_dataset(\"path/to/this/folder\", \"final_labels\")  # one row per response\n");
        if (hasPairs) {
            card.append("pairs = load_dataset(\"path/to/this/folder\", \"trl_dpo\")       # for TRL's DPOTrainer\n");
        }
        card.append("```\n\n");
        card.append("## Configurations\n\n");
        card.append("- `labels` (default): one row per label, one boolean column per option (`GROUP.OPTION`);"
                + " `GROUP.answered` is false where the labeller left the group open, so \"not asked\" and \"not"
                + " chosen\" differ. `kind` is `label`, `intent` (prompt level) or `adjudication` (a gold label).\n");
        card.append("- `final_labels`: each response's final label per group, from the gold label where"
                + " adjudicated, else the annotators' majority (`source` says which), with the prompt, the"
                + " response and the original ids.\n");
        if (hasPairs) {
            card.append("- `trl_dpo`: preference pairs in TRL's form (`prompt`, `chosen`, `rejected`), from the"
                    + " taxonomy's preference rules.\n");
        }
        card.append("\n## Taxonomy\n\n");
        for (TaxonomyGroup group : taxonomy.groups()) {
            card.append("### `").append(group.id()).append("`: ").append(group.label()).append("\n\n");
            if (group.definition() != null && !group.definition().isBlank()) {
                card.append(group.definition().strip()).append("\n\n");
            }
            card.append(String.format(Locale.ROOT, "%s, %s level; answered in %,d labels.%n%n",
                    group.isSingleChoice() ? "One option" : "Any options", group.level().name()
                            .toLowerCase(Locale.ROOT), counts.answered().getOrDefault(group.id(), 0L)));
            card.append("| option | meaning | chosen |\n|---|---|---|\n");
            for (TaxonomyOption option : group.options()) {
                card.append("| `").append(option.id()).append("` | ").append(cell(option.definition() == null
                        || option.definition().isBlank() ? option.label() : option.definition())).append(" | ")
                        .append(counts.chosen().getOrDefault(group.id() + "." + option.id(), 0L)).append(" |\n");
            }
            card.append('\n');
        }
        card.append("## Agreement\n\n");
        card.append("Among the annotators, per group, over the responses with two or more labels: point estimates;"
                + " `rw report agreement` gives their standard errors and bootstrap intervals. Cohen's kappa with"
                + " two annotators, Fleiss' with more.\n\n");
        card.append("| group | responses | Krippendorff's α | kappa | Gwet's AC | agreement |\n|---|---|---|---|---|---|\n");
        for (ProjectAgreement.Row row : agreement.rows()) {
            if (!row.isGroup()) {
                continue;
            }
            AgreementMeasures.Measured measured = row.measured();
            card.append("| `").append(row.group()).append("` | ").append(measured.units());
            for (HeadlineMetric metric : List.of(HeadlineMetric.ALPHA, HeadlineMetric.KAPPA, HeadlineMetric.GWET,
                    HeadlineMetric.PERCENT)) {
                AgreementMeasures.Coefficient coefficient = measured.coefficient(metric);
                card.append(" | ").append(coefficient.value() == null ? "–" : String.format(Locale.ROOT, "%.3f",
                        coefficient.value()));
                if (metric == HeadlineMetric.KAPPA && coefficient.value() != null) {
                    card.append(coefficient.key().equals("cohen_kappa") ? " (Cohen)" : " (Fleiss)");
                }
            }
            card.append(" |\n");
        }
        card.append("\n## Licence\n\n");
        card.append("`license: ").append(license).append("` above is what the exporter set; the prompts and"
                + " responses keep the terms of the datasets and models they come from.\n");
    }

    private static void config(StringBuilder card, String name, String path, boolean isDefault) {
        card.append("- config_name: ").append(name).append('\n');
        if (isDefault) {
            card.append("  default: true\n");
        }
        card.append("  data_files:\n  - split: train\n    path: ").append(path).append('\n');
    }

    private static void feature(StringBuilder card, String name, String dtype) {
        card.append("  - name: ").append(name).append("\n    dtype: ").append(dtype).append('\n');
    }

    private static String dtype(TableColumn.Type type) {
        return switch (type) {
            case STRING -> "string";
            case BOOLEAN -> "bool";
            case INT64 -> "int64";
            case DOUBLE -> "float64";
            case STRING_LIST -> throw new IllegalStateException("the label table has no list columns");
        };
    }

    /** A YAML scalar, always double-quoted: names may hold colons, dots or a leading dash. */
    private static String yaml(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
