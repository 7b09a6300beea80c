package org.refusalworkbench.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.refusalworkbench.domain.RaterCoverage;
import org.refusalworkbench.fileio.Progress;
import org.refusalworkbench.storage.ExportSnapshot;
import org.refusalworkbench.storage.JudgeLabels;
import org.refusalworkbench.storage.ExportedJudgement;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;

/**
 * The flat label table: one row per label (annotators' labels, intent labels, adjudications), one boolean column
 * per option. The columns come from the taxonomy alone, never from the data, so two projects with one taxonomy
 * give the same columns with the same types and their tables concatenate as they are.
 *
 * <p>Every option column holds true or false. Whether a group was answered at all is its own column,
 * {@code GROUP.answered}, so "not asked" (false there) and "not chosen" (answered, the option false) stay apart
 * (a checkbox group left empty counts as answered when the person was asked it, as in the CSV export)
 * without a third value that would turn a boolean column into one of mixed type. {@code sample} is 0 and the
 * response columns empty on an intent label, which belongs to the prompt.
 */
public final class LabelTableExport {

    private static final long PROGRESS_EVERY = 5_000;

    private final ExportSnapshot snapshot;

    LabelTableExport(ExportSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** The table's columns for a taxonomy, in order. */
    public static List<TableColumn> columns(Taxonomy taxonomy) {
        List<TableColumn> columns = new ArrayList<>(List.of(
                TableColumn.required("kind", TableColumn.Type.STRING),
                TableColumn.required("person", TableColumn.Type.STRING),
                TableColumn.required("prompt_id", TableColumn.Type.STRING),
                TableColumn.optional("response_id", TableColumn.Type.STRING),
                TableColumn.optional("model", TableColumn.Type.STRING),
                TableColumn.required("sample", TableColumn.Type.INT64)));
        for (TaxonomyGroup group : taxonomy.groups()) {
            columns.add(TableColumn.required(group.id() + ".answered", TableColumn.Type.BOOLEAN));
            for (TaxonomyOption option : group.options()) {
                columns.add(TableColumn.required(group.id() + "." + option.id(), TableColumn.Type.BOOLEAN));
            }
        }
        columns.add(TableColumn.optional("note", TableColumn.Type.STRING));
        columns.add(TableColumn.optional("created_at", TableColumn.Type.STRING));
        columns.add(TableColumn.optional("updated_at", TableColumn.Type.STRING));
        columns.add(TableColumn.required("seconds_spent", TableColumn.Type.INT64));
        columns.add(TableColumn.required("taxonomy_id", TableColumn.Type.STRING));
        columns.add(TableColumn.required("taxonomy_version", TableColumn.Type.STRING));
        return List.copyOf(columns);
    }

    ExportSummary write(ExportOptions options, OutputStream out, Progress progress) throws Exception {
        Taxonomy taxonomy = snapshot.taxonomy();
        List<TableColumn> columns = columns(taxonomy);
        String person = options.annotator();
        long labels = options.includesAnnotations() ? snapshot.count(LabelKind.RESPONSE_LABEL, person) : 0;
        long intents = options.includesAnnotations() ? snapshot.count(LabelKind.PROMPT_LABEL, person) : 0;
        long adjudications = snapshot.count(LabelKind.ADJUDICATION, person);
        long total = labels + intents + adjudications;
        long[] written = new long[1];
        long[] judgeVerdicts = new long[1];
        RaterCoverage coverage = snapshot.raterCoverage();
        try (TableSink sink = switch (options.table()) {
            case CSV -> new CsvTableSink(out, columns, options.rawCells());
            case PARQUET -> new ParquetTableSink(out, columns);
            case JSONL -> new JsonlTableSink(out, columns);
        }) {
            org.refusalworkbench.storage.LabelExportQuery.RowHandler write = judgement -> {
                sink.row(row(judgement, taxonomy, coverage));
                if (++written[0] % PROGRESS_EVERY == 0) {
                    progress.update(written[0], total);
                }
            };
            if (options.includesAnnotations()) {
                snapshot.forEach(LabelKind.RESPONSE_LABEL, person, write);
                snapshot.forEach(LabelKind.PROMPT_LABEL, person, write);
            }
            snapshot.forEach(LabelKind.ADJUDICATION, person, write);
            // Judges' labels are rows of their own kind, never the people's: only in an export of everyone's.
            if (person == null && options.includesAnnotations()) {
                snapshot.forEachJudgeLabel(label -> {
                    sink.row(judgeRow(label, taxonomy));
                    judgeVerdicts[0]++;
                });
            }
        }
        progress.update(total, total);
        return new ExportSummary(ExportFormat.LABEL_TABLE, labels, intents, adjudications, 0, 0, judgeVerdicts[0]);
    }

    /** A judge's row: kind {@code judge}, the judge as {@code name@version}, its raw output as the note. */
    private static Object[] judgeRow(JudgeLabels.Exported label, Taxonomy taxonomy) {
        List<Object> values = new ArrayList<>();
        values.add("judge");
        values.add(label.judge());
        values.add(label.promptUid());
        values.add(label.responseUid());
        values.add(label.model());
        values.add((long) label.sample());
        for (TaxonomyGroup group : taxonomy.groups()) {
            Set<String> chosen = label.selections() == null ? Set.of() : label.selections().options(group.id());
            values.add(!chosen.isEmpty());
            for (TaxonomyOption option : group.options()) {
                values.add(chosen.contains(option.id()));
            }
        }
        values.add(label.raw());
        values.add(label.createdAt());
        values.add(label.createdAt());
        values.add(0L);
        values.add(taxonomy.id());
        values.add(taxonomy.version());
        return values.toArray();
    }

    private static Object[] row(ExportedJudgement judgement, Taxonomy taxonomy, RaterCoverage coverage) {
        List<Object> values = new ArrayList<>();
        values.add(switch (judgement.kind()) {
            case RESPONSE_LABEL -> "label";
            case PROMPT_LABEL -> "intent";
            case ADJUDICATION -> "adjudication";
        });
        values.add(judgement.person());
        values.add(judgement.promptUid());
        values.add(judgement.responseUid());
        values.add(judgement.model());
        values.add(judgement.sample() == null ? 0L : (long) judgement.sample());
        for (TaxonomyGroup group : taxonomy.groups()) {
            Set<String> chosen = judgement.selections().options(group.id());
            // A checkbox group left empty was answered ("none of these") when the person was asked it at all.
            values.add(!chosen.isEmpty() || (!group.isSingleChoice() && judgement.kind() != LabelKind.PROMPT_LABEL
                    && coverage.answered(judgement.person(), group.id())));
            for (TaxonomyOption option : group.options()) {
                values.add(chosen.contains(option.id()));
            }
        }
        values.add(judgement.text());
        values.add(judgement.createdAt());
        values.add(judgement.updatedAt());
        values.add(judgement.secondsSpent() == null ? 0L : (long) judgement.secondsSpent());
        values.add(taxonomy.id());
        values.add(taxonomy.version());
        return values.toArray();
    }
}
