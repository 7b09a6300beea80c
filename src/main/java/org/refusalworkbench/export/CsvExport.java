package org.refusalworkbench.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.refusalworkbench.domain.RaterCoverage;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.fileio.Progress;
import org.refusalworkbench.storage.ExportSnapshot;
import org.refusalworkbench.storage.ExportedJudgement;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import org.refusalworkbench.taxonomy.TaxonomyOption;

/**
 * A spreadsheet of labels: one row per label (and per adjudication), one 0/1 column per taxonomy option, with the
 * annotator's intent label for the prompt on the same row. A checkbox group the person was never asked (imported
 * labels without it; see {@link RaterCoverage}) is left blank rather than 0. Every text cell goes through
 * {@link SpreadsheetCell} (unless {@code --raw-cells}).
 */
final class CsvExport {

    private static final long PROGRESS_EVERY = 5_000;

    private final ExportSnapshot snapshot;

    /** Checkbox groups left blank for the people never asked them. */
    private record UnaskedGroups(RaterCoverage coverage, Set<String> checkboxGroups) {
        boolean blank(String person, Selections selections, String group) {
            return person != null && checkboxGroups.contains(group) && selections.options(group).isEmpty()
                    && !coverage.answered(person, group);
        }
    }

    CsvExport(ExportSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    ExportSummary write(ExportOptions options, OutputStream out, Progress progress) throws Exception {
        Taxonomy taxonomy = snapshot.taxonomy();
        UnaskedGroups unasked = new UnaskedGroups(snapshot.raterCoverage(),
                taxonomy.groups(GroupLevel.RESPONSE).stream().filter(group -> !group.isSingleChoice())
                        .map(TaxonomyGroup::id).collect(Collectors.toSet()));
        List<String> responseOptions = optionColumns(taxonomy, GroupLevel.RESPONSE);
        List<String> promptOptions = optionColumns(taxonomy, GroupLevel.PROMPT);
        String person = options.annotator();
        long labels = options.includesAnnotations()
                ? snapshot.count(LabelKind.RESPONSE_LABEL, person) : 0;
        long adjudications = snapshot.count(LabelKind.ADJUDICATION, person);
        long total = labels + adjudications;
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<String> header = new ArrayList<>(List.of("record", "response_id", "prompt_id", "model", "sample",
                "person"));
        header.addAll(responseOptions);
        header.add("note");
        header.addAll(promptOptions);
        header.addAll(List.of("intent_note", "created_at", "updated_at", "seconds_spent"));
        line(writer, header);
        long[] written = {0};
        if (options.includesAnnotations()) {
            snapshot.forEachLabelWithIntent(person, (label, intent, intentNote) -> {
                line(writer, row(label, responseOptions, intent, promptOptions, intentNote, unasked,
                        options.rawCells()));
                report(++written[0], total, progress);
            });
        }
        snapshot.forEach(LabelKind.ADJUDICATION, person, gold -> {
            line(writer, row(gold, responseOptions, Selections.none(), promptOptions, null, unasked,
                    options.rawCells()));
            report(++written[0], total, progress);
        });
        writer.flush();
        progress.update(total, total);
        return new ExportSummary(ExportFormat.CSV, labels, 0, adjudications, 0);
    }

    private static List<String> optionColumns(Taxonomy taxonomy, GroupLevel level) {
        List<String> columns = new ArrayList<>();
        for (TaxonomyGroup group : taxonomy.groups(level)) {
            for (TaxonomyOption option : group.options()) {
                columns.add(group.id() + "." + option.id());
            }
        }
        return columns;
    }

    private static List<String> row(ExportedJudgement judgement, List<String> responseOptions, Selections intent,
                                    List<String> promptOptions, String intentNote, UnaskedGroups unasked,
                                    boolean raw) {
        List<String> cells = new ArrayList<>();
        cells.add(judgement.kind() == LabelKind.ADJUDICATION ? "adjudication" : "label");
        cells.add(judgement.responseUid());
        cells.add(judgement.promptUid());
        cells.add(SpreadsheetCell.of(judgement.model(), raw));
        cells.add(String.valueOf(judgement.sample()));
        cells.add(SpreadsheetCell.of(judgement.person(), raw));
        addFlags(cells, judgement.selections(), responseOptions, judgement.person(), unasked);
        cells.add(SpreadsheetCell.of(judgement.text(), raw));
        addFlags(cells, intent, promptOptions, null, unasked);
        cells.add(SpreadsheetCell.of(intentNote, raw));
        cells.add(judgement.createdAt());
        cells.add(judgement.updatedAt());
        cells.add(judgement.secondsSpent() == null ? "" : String.valueOf(judgement.secondsSpent()));
        return cells;
    }

    /** @param person whose checkbox groups may be unasked; null for prompt-level options */
    private static void addFlags(List<String> cells, Selections selections, List<String> columns, String person,
                                 UnaskedGroups unasked) {
        for (String column : columns) {
            int dot = column.indexOf('.');
            String group = column.substring(0, dot);
            cells.add(unasked.blank(person, selections, group) ? ""
                    : selections.has(group, column.substring(dot + 1)) ? "1" : "0");
        }
    }

    private static void line(Writer writer, List<String> cells) throws IOException {
        writer.write(String.join(",", cells));
        writer.write("\r\n");
    }

    private static void report(long written, long total, Progress progress) {
        if (written % PROGRESS_EVERY == 0) {
            progress.update(written, total);
        }
    }
}
