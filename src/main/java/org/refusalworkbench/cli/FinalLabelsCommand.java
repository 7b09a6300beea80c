package org.refusalworkbench.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.export.SpreadsheetCell;
import org.refusalworkbench.fileio.WholeFile;
import org.refusalworkbench.report.FinalLabels;
import org.refusalworkbench.storage.JudgementQuery;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFiles;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.storage.ResponseContentIds;
import org.refusalworkbench.taxonomy.TaxonomyGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "final-labels", description = "Each response's final label per group: gold where adjudicated,"
        + " otherwise the annotators' majority; ties marked.")
final class FinalLabelsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT.db")
    private Path project;

    @Option(names = "--csv", description = "One spreadsheet row per response instead of one JSON object a line.")
    private boolean csv;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write (default: standard output).")
    private Path output;

    @Override
    public Integer call() throws Exception {
        if (output != null) {
            OutputFile.requireWritable(output);
        }
        try (ProjectDatabase database = ProjectFiles.open(project)) {
            List<ResponseJudgements> responses = database.read(JudgementQuery::all);
            FinalLabels labels = FinalLabels.of(responses, database.read(ProjectSetup::currentTaxonomy));
            if (output == null) {
                Writer out = spec.commandLine().getOut();
                write(database, responses, labels, out);
                out.flush();
                return 0;
            }
            try {
                WholeFile.write(output, stream -> {
                    Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                    write(database, responses, labels, out);
                    out.flush();
                    return null;
                });
            } catch (IOException e) {
                throw CannotWriteException.writingWhole(output, e);
            }
            spec.commandLine().getErr().println("wrote the final labels of " + responses.size() + " responses to "
                    + output);
        }
        return 0;
    }

    /** Walks the judgements and the content ids together: both come in response row-id order. */
    private void write(ProjectDatabase database, List<ResponseJudgements> responses, FinalLabels labels, Writer out)
            throws IOException {
        RowWriter rows = csv ? new CsvRows(out, labels) : new JsonRows(out);
        int[] next = {0};
        database.read(connection -> {
            ResponseContentIds.forEach(connection, ids -> {
                if (next[0] < responses.size() && responses.get(next[0]).responseId() == ids.responseId()) {
                    ResponseJudgements response = responses.get(next[0]++);
                    rows.write(ids, response, labels.decide(response));
                }
            });
            return null;
        });
        rows.finish();
    }

    private interface RowWriter {
        void write(ResponseContentIds.Ids ids, ResponseJudgements response, List<FinalLabels.Decided> decided)
                throws IOException;

        void finish() throws IOException;
    }

    private static String source(FinalLabels.Decided decided) {
        return decided.source().name().toLowerCase(Locale.ROOT);
    }

    /** {"response_id", "prompt_id", "model", "sample", "prompt_safety", "labels": {group: {"options", "source"}}}. */
    private static final class JsonRows implements RowWriter {
        private final JsonGenerator json;

        JsonRows(Writer out) throws IOException {
            json = new JsonFactory().createGenerator(out);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setRootValueSeparator(null);
        }

        @Override
        public void write(ResponseContentIds.Ids ids, ResponseJudgements response, List<FinalLabels.Decided> decided)
                throws IOException {
            json.writeStartObject();
            json.writeStringField("response_id", ids.responseUid());
            json.writeStringField("prompt_id", ids.promptUid());
            json.writeStringField("model", response.model());
            json.writeNumberField("sample", response.sample());
            json.writeStringField("prompt_safety", response.safety().id());
            json.writeObjectFieldStart("labels");
            for (FinalLabels.Decided group : decided) {
                json.writeObjectFieldStart(group.group().id());
                json.writeArrayFieldStart("options");
                for (String option : group.options()) {
                    json.writeString(option);
                }
                json.writeEndArray();
                json.writeStringField("source", source(group));
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        }

        @Override
        public void finish() throws IOException {
            json.flush();
        }
    }

    /** Per group a column of its options (joined by |) and one of where they came from; blank where it does not apply. */
    private static final class CsvRows implements RowWriter {
        private final Writer out;
        private final List<TaxonomyGroup> groups;

        CsvRows(Writer out, FinalLabels labels) throws IOException {
            this.out = out;
            this.groups = labels.groups();
            List<String> header = new ArrayList<>(List.of("response_id", "prompt_id", "model", "sample",
                    "prompt_safety"));
            for (TaxonomyGroup group : groups) {
                header.add(group.id());
                header.add(group.id() + ".source");
            }
            line(header);
        }

        @Override
        public void write(ResponseContentIds.Ids ids, ResponseJudgements response, List<FinalLabels.Decided> decided)
                throws IOException {
            List<String> cells = new ArrayList<>(List.of(ids.responseUid(), ids.promptUid(),
                    SpreadsheetCell.of(response.model()), Integer.toString(response.sample()),
                    response.safety().id()));
            for (TaxonomyGroup group : groups) {
                FinalLabels.Decided outcome = decided.stream().filter(d -> d.group().equals(group)).findFirst()
                        .orElse(null);
                cells.add(outcome == null ? "" : String.join("|", outcome.options()));
                cells.add(outcome == null ? "" : source(outcome));
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
}
