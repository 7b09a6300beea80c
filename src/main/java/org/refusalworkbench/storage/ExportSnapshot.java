package org.refusalworkbench.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.refusalworkbench.domain.RaterCoverage;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * What an export reads, all from one snapshot of the project: a read transaction on a connection of its own, so
 * labels saved in the app meanwhile never tear the export and the app's quick reads are not held up. Rows are
 * handed over one at a time, so the export's memory does not grow with the project.
 */
public final class ExportSnapshot {

    /** Work done inside the snapshot. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ExportSnapshot snapshot) throws Exception;
    }

    private final Connection connection;

    private ExportSnapshot(Connection connection) {
        this.connection = connection;
    }

    /**
     * Runs {@code work} in one read transaction, which ends (rolled back, it changed nothing) however the work ends.
     *
     * @throws IOException the work's own, writing its output; any other failure as a {@link StorageException}
     */
    public static <T> T read(ProjectDatabase database, Work<T> work) throws IOException {
        try {
            return database.readSeparately(connection -> inTransaction(connection, work));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws Exception {
        connection.setAutoCommit(false);
        try {
            return work.run(new ExportSnapshot(connection));
        } catch (IOException e) {
            // past readSeparately, which would name it a failure of the project, to the caller as it was
            throw new UncheckedIOException(e);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    public Taxonomy taxonomy() throws SQLException {
        return ProjectSetup.currentTaxonomy(connection);
    }

    public ProjectIdentity identity() throws SQLException {
        return ProjectIdentity.read(connection);
    }

    public RaterCoverage raterCoverage() throws SQLException {
        return RaterCoverageQuery.read(connection);
    }

    public boolean hasAnnotator(String name) throws SQLException {
        return Annotators.find(connection, name) != null;
    }

    public List<String> annotatorNames() throws SQLException {
        return Annotators.names(connection);
    }

    /** @param person only this annotator's (or reviewer's) rows, or {@code null} for everyone's */
    public long count(LabelKind kind, String person) throws SQLException {
        return LabelExportQuery.count(connection, kind, person);
    }

    /** See {@link LabelExportQuery#forEach}. */
    public void forEach(LabelKind kind, String person, LabelExportQuery.RowHandler handler) throws Exception {
        LabelExportQuery.forEach(connection, kind, person, handler);
    }

    /** See {@link LabelExportQuery#forEachLabelWithIntent}. */
    public void forEachLabelWithIntent(String person, LabelExportQuery.LabelWithIntentHandler handler)
            throws Exception {
        LabelExportQuery.forEachLabelWithIntent(connection, person, handler);
    }

    /** See {@link JudgeLabels#forEachExported}. */
    public void forEachJudgeLabel(JudgeLabels.ExportedHandler handler) throws Exception {
        JudgeLabels.forEachExported(connection, handler);
    }

    /** Whether any response is a transcript, so a training export can choose one form for every row. */
    public boolean hasTranscripts() throws SQLException {
        try (java.sql.PreparedStatement query = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM response WHERE transcript_json IS NOT NULL)");
             java.sql.ResultSet rows = query.executeQuery()) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    /** See {@link PromptJudgements#forEach}. */
    public void forEachPrompt(PromptJudgements.Handler handler) throws Exception {
        PromptJudgements.forEach(connection, handler);
    }
}
