package org.refusalworkbench.export;

import java.io.OutputStream;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.refusalworkbench.storage.LabelExportQuery;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.ProjectIdentity;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.taxonomy.Taxonomy;

/** Writes the label file: header, labels, intent labels, adjudications, end record (see docs/label-format.md). */
final class JsonlExport {

    private static final long PROGRESS_EVERY = 5_000;

    private final Connection connection;
    private final String appVersion;

    JsonlExport(Connection connection, String appVersion) {
        this.connection = connection;
        this.appVersion = appVersion;
    }

    ExportSummary write(ExportOptions options, OutputStream out, Progress progress) throws Exception {
        Taxonomy taxonomy = ProjectSetup.currentTaxonomy(connection);
        ProjectIdentity project = ProjectIdentity.read(connection);
        String person = options.annotator();
        long labels = options.includesAnnotations()
                ? LabelExportQuery.count(connection, LabelKind.RESPONSE_LABEL, person) : 0;
        long intents = options.includesAnnotations()
                ? LabelExportQuery.count(connection, LabelKind.PROMPT_LABEL, person) : 0;
        long adjudications = LabelExportQuery.count(connection, LabelKind.ADJUDICATION, person);
        long total = labels + intents + adjudications;
        try (LabelFileWriter writer = new LabelFileWriter(out)) {
            writer.header(new LabelFileHeader(LabelFileHeader.VERSION, taxonomy.id(), taxonomy.version(),
                    taxonomy.contentHash(), project.uid(), project.name(),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), appVersion, person, options.goldOnly()));
            LabelExportQuery.RowHandler write = row -> {
                writer.judgement(row);
                if (writer.judgements() % PROGRESS_EVERY == 0) {
                    progress.update(writer.judgements(), total);
                }
            };
            if (options.includesAnnotations()) {
                LabelExportQuery.forEach(connection, LabelKind.RESPONSE_LABEL, person, write);
                LabelExportQuery.forEach(connection, LabelKind.PROMPT_LABEL, person, write);
            }
            LabelExportQuery.forEach(connection, LabelKind.ADJUDICATION, person, write);
            writer.end();
            progress.update(total, total);
        }
        return new ExportSummary(ExportFormat.JSONL, labels, intents, adjudications, 0);
    }
}
