package org.refusalworkbench.labelfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.refusalworkbench.fileio.Progress;
import org.refusalworkbench.storage.LabelMergeWrites;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.StorageException;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * Merges label files from other workstations into a project, one write transaction per file: a bad line rolls
 * back that file entirely and stops the merge, while files merged before it stay merged (each file is a
 * labeler's complete export, so it is all or nothing on its own).
 */
public final class LabelMerger {

    private static final long PROGRESS_EVERY = 2_000;

    private final ProjectDatabase database;

    public LabelMerger(ProjectDatabase database) {
        this.database = database;
    }

    public MergeSummary merge(List<Path> files, OptionMapping mapping, Progress progress) throws LabelFileException {
        return merge(files, mapping, progress, summary -> { });
    }

    /**
     * @param afterEachFile told about each file once it is committed, so a caller can report what was merged
     *                      even when a later file fails
     */
    public MergeSummary merge(List<Path> files, OptionMapping mapping, Progress progress,
                              Consumer<FileMergeSummary> afterEachFile) throws LabelFileException {
        long totalBytes = 0;
        for (Path file : files) {
            totalBytes += size(file);
        }
        List<FileMergeSummary> merged = new ArrayList<>();
        long bytesBefore = 0;
        for (Path file : files) {
            long offset = bytesBefore;
            long total = totalBytes;
            FileMergeSummary summary = mergeFile(file, mapping, (done, ignored) -> progress.update(offset + done,
                    total));
            merged.add(summary);
            afterEachFile.accept(summary);
            bytesBefore += size(file);
        }
        progress.update(totalBytes, totalBytes);
        return new MergeSummary(merged);
    }

    private FileMergeSummary mergeFile(Path file, OptionMapping mapping, Progress progress)
            throws LabelFileException {
        if (!Files.isRegularFile(file)) {
            throw new LabelFileException(file.toString(), 0,
                    Files.isDirectory(file) ? "is a folder, not a file" : "no such file");
        }
        try {
            return LabelMergeWrites.inTransaction(database, (writes, taxonomy) -> mergeInTransaction(writes, taxonomy,
                    file, mapping, progress));
        } catch (StorageException e) {
            if (e.getCause() instanceof LabelFileException problem) {
                throw problem;
            }
            throw e;
        }
    }

    private static FileMergeSummary mergeInTransaction(LabelMergeWrites writes, Taxonomy taxonomy, Path file,
                                                       OptionMapping mapping, Progress progress) throws Exception {
        try (InputStream in = Files.newInputStream(file);
             LabelFileReader reader = new LabelFileReader(in, file.toString())) {
            LabelFileHeader header = reader.header();
            OptionMapping effective = mappingFor(header, taxonomy, mapping, file.toString());
            MergeTally tally = new MergeTally(file.toString(), taxonomy, effective, writes);
            LabelFileRecord record;
            while ((record = reader.next()) != null) {
                if (record instanceof JudgeRecord verdict) {
                    tally.merge(verdict);
                } else {
                    tally.merge((JudgementRecord) record);
                }
                if (tally.records() % PROGRESS_EVERY == 0) {
                    progress.update(reader.bytesRead(), 0);
                }
            }
            progress.update(reader.bytesRead(), 0);
            return tally.summary();
        }
    }

    /** Labels only mean the same thing under the same taxonomy; another one needs a mapping of its option ids. */
    private static OptionMapping mappingFor(LabelFileHeader header, Taxonomy taxonomy, OptionMapping mapping,
                                            String file) throws LabelFileException {
        if (header.taxonomyHash().equals(taxonomy.contentHash())) {
            return mapping;
        }
        if (mapping.isIdentity()) {
            throw new LabelFileException(file, 1, "taxonomy mismatch: the file's labels use taxonomy "
                    + header.taxonomyId() + " " + header.taxonomyVersion() + " (content hash "
                    + shortHash(header.taxonomyHash()) + "), this project uses " + taxonomy.id() + " "
                    + taxonomy.version() + " (content hash " + shortHash(taxonomy.contentHash()) + "); give a"
                    + " mapping of option ids with --map FILE (see docs/label-format.md) or merge into a project"
                    + " with the same taxonomy");
        }
        if (!mapping.appliesTo(header.taxonomyHash())) {
            throw new LabelFileException(file, 1, "the mapping " + mapping.source() + " is for another taxonomy"
                    + " (its from_taxonomy_hash differs from the file's " + shortHash(header.taxonomyHash()) + ")");
        }
        return mapping;
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
