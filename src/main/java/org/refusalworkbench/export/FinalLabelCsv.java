package org.refusalworkbench.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Final labels as a spreadsheet, one row per response: what the response is (ids, the imported file's own ids,
 * category, prompt and response text, a transcript as its JSON), then per group a column of its options (joined by
 * |) and one of where they came from, blank where the group does not apply. Text cells get the formula guard unless
 * {@code raw}.
 */
public final class FinalLabelCsv implements FinalLabelWriter {

    private final Writer out;
    private final List<String> groupIds;
    private final List<String> judges;
    private final boolean raw;
    private final ObjectMapper json = JsonMapper.builder().build();

    /** Writes the header row now; {@code groupIds} are the groups to give columns, in column order. */
    public FinalLabelCsv(Writer out, List<String> groupIds) throws IOException {
        this(out, groupIds, false);
    }

    /** @param raw leave text cells as they are (no formula guard), for programs ({@code --raw-cells}) */
    public FinalLabelCsv(Writer out, List<String> groupIds, boolean raw) throws IOException {
        this(out, groupIds, List.of(), raw);
    }

    /**
     * @param judges the judges ({@code name@version}) to give two columns each: {@code judge:NAME@VERSION} with
     *               the judge's options as {@code group=option} joined by {@code |} ({@code unparsed} for an output
     *               that is no option, blank where it gave none), and {@code judge:NAME@VERSION.raw}
     */
    public FinalLabelCsv(Writer out, List<String> groupIds, List<String> judges, boolean raw) throws IOException {
        this.out = out;
        this.groupIds = List.copyOf(groupIds);
        this.judges = List.copyOf(judges);
        this.raw = raw;
        List<String> header = new ArrayList<>(List.of("response_id", "prompt_id", "model", "sample",
                "prompt_safety", "response_external_id", "prompt_external_id", "category", "prompt", "response",
                "messages"));
        for (String group : this.groupIds) {
            header.add(group);
            header.add(group + ".source");
        }
        for (String judge : this.judges) {
            header.add(SpreadsheetCell.of("judge:" + judge, raw));
            header.add(SpreadsheetCell.of("judge:" + judge + ".raw", raw));
        }
        line(header);
    }

    @Override
    public void write(FinalLabelRow row) throws IOException {
        FinalLabelRow.Content content = row.content();
        List<String> cells = new ArrayList<>(List.of(row.responseId(), row.promptId(),
                SpreadsheetCell.of(row.model(), raw), Integer.toString(row.sample()), row.promptSafety(),
                SpreadsheetCell.of(content.responseExternalId(), raw), SpreadsheetCell.of(content.promptExternalId(),
                        raw), SpreadsheetCell.of(content.category(), raw), SpreadsheetCell.of(content.prompt(), raw),
                SpreadsheetCell.of(content.response(), raw), SpreadsheetCell.of(content.messages() == null ? null
                        : json.writeValueAsString(content.messages()), raw)));
        for (String group : groupIds) {
            FinalLabelRow.Group outcome = row.groups().stream().filter(g -> g.id().equals(group)).findFirst()
                    .orElse(null);
            cells.add(outcome == null ? "" : String.join("|", outcome.options()));
            cells.add(outcome == null ? "" : outcome.source());
        }
        for (String judge : judges) {
            FinalLabelRow.JudgeCell verdict = row.judges().stream().filter(j -> j.judge().equals(judge)).findFirst()
                    .orElse(null);
            if (verdict == null) {
                cells.add("");
                cells.add("");
                continue;
            }
            cells.add(verdict.selections() == null ? "unparsed" : SpreadsheetCell.of(String.join("|",
                    verdict.selections().asMap().entrySet().stream().flatMap(group -> group.getValue().stream()
                            .map(option -> group.getKey() + "=" + option)).toList()), raw));
            cells.add(SpreadsheetCell.of(verdict.raw(), raw));
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
