package org.refusalworkbench.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Final labels as a spreadsheet, one row per response: per group a column of its options (joined by |) and one of
 * where they came from, blank where the group does not apply.
 */
public final class FinalLabelCsv implements FinalLabelWriter {

    private final Writer out;
    private final List<String> groupIds;

    /** Writes the header row now; {@code groupIds} are the groups to give columns, in column order. */
    public FinalLabelCsv(Writer out, List<String> groupIds) throws IOException {
        this.out = out;
        this.groupIds = List.copyOf(groupIds);
        List<String> header = new ArrayList<>(List.of("response_id", "prompt_id", "model", "sample",
                "prompt_safety"));
        for (String group : this.groupIds) {
            header.add(group);
            header.add(group + ".source");
        }
        line(header);
    }

    @Override
    public void write(FinalLabelRow row) throws IOException {
        List<String> cells = new ArrayList<>(List.of(row.responseId(), row.promptId(),
                SpreadsheetCell.of(row.model()), Integer.toString(row.sample()), row.promptSafety()));
        for (String group : groupIds) {
            FinalLabelRow.Group outcome = row.groups().stream().filter(g -> g.id().equals(group)).findFirst()
                    .orElse(null);
            cells.add(outcome == null ? "" : String.join("|", outcome.options()));
            cells.add(outcome == null ? "" : outcome.source());
        }
        line(cells);
    }

    private void line(List<String> cells) throws IOException {
        out.write(String.join(",", cells));
        out.write("\r\n");
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
