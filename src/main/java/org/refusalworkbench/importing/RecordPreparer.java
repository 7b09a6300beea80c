package org.refusalworkbench.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.storage.ContentIds;
import org.refusalworkbench.taxonomy.GroupLevel;
import org.refusalworkbench.taxonomy.SelectionCheck;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * Reads, validates and hashes records on its own thread and hands them to the writer in batches through a small
 * bounded queue, so memory stays constant whatever the file size.
 */
final class RecordPreparer implements Runnable {

    /** What the writer takes from the queue: a batch, the end, or the failure that stopped reading. */
    sealed interface Item permits Batch, End, Failure {
    }

    record Batch(List<PreparedRecord> records) implements Item {
    }

    record End() implements Item {
    }

    record Failure(Exception cause) implements Item {
    }

    /** Opens one file as a record source. */
    @FunctionalInterface
    interface Opener {
        RecordSource open(Path file) throws Exception;
    }

    private static final int BATCH_SIZE = 512;
    /** Distinct problems: enough to fix a file in one round (one mistake on every line counts once). */
    static final int PROBLEM_LIMIT = 50;

    private final List<Path> files;
    private final Opener opener;
    private final Taxonomy taxonomy;
    private final ObjectMapper json;
    private final ResponseImporter.Progress progress;
    private final long totalBytes;
    private final ImportWarnings warnings;
    private final ImportProblems problems = new ImportProblems(PROBLEM_LIMIT);
    /** Transcripts are stored without a turn's name when it has none, as before names were read. */
    private static final ObjectMapper TRANSCRIPT_JSON = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL)).build();
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(16);
    private volatile boolean cancelled;

    RecordPreparer(List<Path> files, Opener opener, Taxonomy taxonomy, ObjectMapper json,
                   ResponseImporter.Progress progress, long totalBytes, ImportWarnings warnings) {
        this.files = files;
        this.opener = opener;
        this.taxonomy = taxonomy;
        this.json = json;
        this.progress = progress;
        this.totalBytes = totalBytes;
        this.warnings = warnings;
    }

    Item take() throws InterruptedException {
        return queue.take();
    }

    /** Called when the writer gives up, so this thread stops instead of waiting on a full queue. */
    void cancel() {
        cancelled = true;
        queue.clear();
    }

    /**
     * Reads every file to its end even after a bad row, so that the import lists every problem in one pass (up to
     * {@link #PROBLEM_LIMIT}); the records are only written if there was none.
     */
    @Override
    public void run() {
        try {
            long bytesBefore = 0;
            List<PreparedRecord> batch = new ArrayList<>(BATCH_SIZE);
            for (Path file : files) {
                try (RecordSource source = opener.open(file)) {
                    while (!problems.full()) {
                        ResponseRecord record;
                        try {
                            record = source.next();
                            if (record == null) {
                                break;
                            }
                            PreparedRecord prepared = prepare(record, file.toString());
                            if (problems.isEmpty()) {
                                batch.add(prepared);
                            }
                        } catch (ImportException problem) {
                            problems.add(problem);
                            if (problem.stopsFile()) {
                                break;
                            }
                            continue;
                        }
                        if (batch.size() == BATCH_SIZE) {
                            put(new Batch(batch));
                            batch = new ArrayList<>(BATCH_SIZE);
                            progress.update(bytesBefore + source.bytesRead(), totalBytes);
                        }
                    }
                    bytesBefore += source.bytesRead();
                } catch (ImportException problem) {
                    problems.add(problem);
                }
                if (problems.full()) {
                    break;
                }
            }
            if (!problems.isEmpty()) {
                throw problems.failure();
            }
            put(new Batch(batch));
            progress.update(totalBytes, totalBytes);
            put(new End());
        } catch (Exception e) {
            fail(e);
        } catch (Error e) {
            // A missing class or a full heap on this thread would otherwise leave the writer waiting for ever.
            fail(new IllegalStateException("the import stopped reading: " + e, e));
            throw e;
        }
    }

    private void fail(Exception cause) {
        if (!cancelled) {
            queue.clear();
            queue.offer(new Failure(cause));
        }
    }

    private void put(Item item) throws InterruptedException {
        while (!cancelled) {
            if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        throw new InterruptedException("import cancelled");
    }

    private PreparedRecord prepare(ResponseRecord record, String file) throws ImportException {
        for (LabelInput label : record.labels()) {
            check(label, GroupLevel.RESPONSE, "labels." + label.person(), record, file);
        }
        for (LabelInput label : record.promptLabels()) {
            check(label, GroupLevel.PROMPT, "prompt_labels." + label.person(), record, file);
        }
        if (record.gold() != null) {
            check(record.gold(), GroupLevel.RESPONSE, "gold", record, file);
        }
        if (record.text() != null && record.text().isBlank()) {
            warnings.emptyResponse(file, record.line());
        }
        byte[] promptUid = ContentIds.promptUid(record.promptExternalId(), record.promptText());
        String content = content(record);
        byte[] responseUid = ContentIds.responseUid(promptUid, record.model(), record.sample(), content);
        return new PreparedRecord(record, file, promptUid, responseUid, content);
    }

    private void check(LabelInput label, GroupLevel level, String where, ResponseRecord record, String file)
            throws ImportException {
        Optional<String> problem = SelectionCheck.problem(taxonomy, label.selections(), level);
        if (problem.isPresent()) {
            throw new ImportException(file, record.line(), where + ": " + problem.get());
        }
    }

    /** What a response's content id is made of: its text, or its transcript as the project stores it. */
    static String content(ResponseRecord record) {
        if (record.text() != null) {
            return record.text();
        }
        try {
            return TRANSCRIPT_JSON.writeValueAsString(record.transcript());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content id an import gives the record's response, for matching rows to responses already imported. */
    static byte[] responseUid(ResponseRecord record) {
        return ContentIds.responseUid(ContentIds.promptUid(record.promptExternalId(), record.promptText()),
                record.model(), record.sample(), content(record));
    }
}
