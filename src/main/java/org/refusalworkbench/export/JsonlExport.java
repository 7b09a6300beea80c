package org.refusalworkbench.export;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.refusalworkbench.fileio.Progress;
import org.refusalworkbench.labelfile.LabelFileHeader;
import org.refusalworkbench.labelfile.LabelFileWriter;
import org.refusalworkbench.storage.ExportSnapshot;
import org.refusalworkbench.storage.LabelExportQuery;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.ProjectIdentity;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * Writes the label file: header, labels, intent labels, adjudications, judges' verdicts, end record (see
 * docs/label-format.md).
 */
final class JsonlExport {

    private static final long PROGRESS_EVERY = 5_000;

    private final ExportSnapshot snapshot;
    private final String appVersion;

    JsonlExport(ExportSnapshot snapshot, String appVersion) {
        this.snapshot = snapshot;
        this.appVersion = appVersion;
    }

    ExportSummary write(ExportOptions options, OutputStream out, Progress progress) throws Exception {
        Taxonomy taxonomy = snapshot.taxonomy();
        ProjectIdentity project = snapshot.identity();
        String person = options.annotator();
        long labels = options.includesAnnotations()
                ? snapshot.count(LabelKind.RESPONSE_LABEL, person) : 0;
        long intents = options.includesAnnotations()
                ? snapshot.count(LabelKind.PROMPT_LABEL, person) : 0;
        long adjudications = snapshot.count(LabelKind.ADJUDICATION, person);
        long total = labels + intents + adjudications;
        long judgeVerdicts;
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
                snapshot.forEach(LabelKind.RESPONSE_LABEL, person, write);
                snapshot.forEach(LabelKind.PROMPT_LABEL, person, write);
            }
            snapshot.forEach(LabelKind.ADJUDICATION, person, write);
            // Judges' verdicts are records of their own kind, and only in a file of everyone's labels.
            long peopleRecords = writer.judgements();
            if (person == null && options.includesAnnotations()) {
                snapshot.forEachJudgeLabel(writer::judge);
            }
            judgeVerdicts = writer.judgements() - peopleRecords;
            writer.end();
            progress.update(total, total);
        }
        return new ExportSummary(ExportFormat.JSONL, labels, intents, adjudications, 0, 0, judgeVerdicts);
    }
}
