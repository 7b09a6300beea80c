package org.refusalworkbench.project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

import org.refusalworkbench.domain.PromptContent;
import org.refusalworkbench.domain.QueueEntry;
import org.refusalworkbench.domain.QueueFilter;
import org.refusalworkbench.domain.Response;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.ChangeHistory;
import org.refusalworkbench.storage.DoneMarks;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectFacets;
import org.refusalworkbench.storage.ProjectSettings;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.storage.PromptContentQuery;
import org.refusalworkbench.storage.PromptQueue;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * What the labelling workspace needs from a project, for one annotator. Reads run on the caller's thread (a
 * background thread); writes go to the project's writer thread and return when they are committed. Never touches
 * other annotators' labels.
 */
public final class AnnotationService {

    /** One prompt as this annotator sees it: content, own labels and notes, done mark. */
    public record PromptWork(PromptContent content, Map<Long, LabelStore.Stored> labels,
                             LabelStore.Stored promptLabel, boolean done) {

        public Selections selectionsFor(Response response) {
            LabelStore.Stored stored = labels.get(response.id());
            return stored == null ? Selections.none() : stored.selections();
        }

        public String noteFor(Response response) {
            LabelStore.Stored stored = labels.get(response.id());
            return stored == null || stored.text() == null ? "" : stored.text();
        }
    }

    private static final org.refusalworkbench.domain.ChangeSource SOURCE = org.refusalworkbench.domain.ChangeSource.APP;

    private final ProjectDatabase database;
    private final String annotator;
    private final long annotatorId;
    private final Taxonomy taxonomy;
    private final PromptQueue queue;

    private final boolean doneRequiresComplete;

    private AnnotationService(ProjectDatabase database, String annotator, long annotatorId, Taxonomy taxonomy,
                              boolean doneRequiresComplete) {
        this.database = database;
        this.doneRequiresComplete = doneRequiresComplete;
        this.annotator = annotator;
        this.annotatorId = annotatorId;
        this.taxonomy = taxonomy;
        this.queue = new PromptQueue(taxonomy);
    }

    /** Registers the annotator in the project if new; blocks on the writer, so call it off the UI thread. */
    public static AnnotationService open(ProjectDatabase database, String annotator) {
        long id = database.readOnlyNotice().isPresent() ? Annotators.idForReading(database, annotator)
                : database.writer().run(connection -> Annotators.idFor(connection, annotator));
        Taxonomy taxonomy = database.read(ProjectSetup::currentTaxonomy);
        return new AnnotationService(database, annotator, id, taxonomy,
                database.read(ProjectSettings::doneRequiresComplete));
    }

    /**
     * Whether the project's lead has ruled that a prompt is done only when complete: nothing required missing,
     * no response untouched, no rule broken. Read when the project is opened.
     */
    public boolean doneRequiresComplete() {
        return doneRequiresComplete;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public String annotator() {
        return annotator;
    }

    public PromptWork load(long promptId) {
        return database.read(connection -> {
            PromptContent content = PromptContentQuery.load(connection, promptId);
            Map<Long, LabelStore.Stored> labels = new HashMap<>();
            for (Response response : content.responses()) {
                LabelStore.load(connection, LabelKind.RESPONSE_LABEL, response.id(), annotatorId)
                        .ifPresent(stored -> labels.put(response.id(), stored));
            }
            LabelStore.Stored promptLabel = LabelStore.load(connection, LabelKind.PROMPT_LABEL, promptId, annotatorId)
                    .orElse(null);
            return new PromptWork(content, labels, promptLabel, DoneMarks.isDone(connection, promptId, annotatorId));
        });
    }

    public CompletableFuture<Boolean> saveLabel(long responseId, Selections selections, String note) {
        return database.writer().submit(connection -> LabelStore.save(connection, LabelKind.RESPONSE_LABEL, responseId,
                annotatorId, selections, note, SOURCE));
    }

    public CompletableFuture<Boolean> savePromptLabel(long promptId, Selections selections, String intentNote) {
        return database.writer().submit(connection -> LabelStore.save(connection, LabelKind.PROMPT_LABEL, promptId,
                annotatorId, selections, intentNote, SOURCE));
    }

    public CompletableFuture<Void> setDone(long promptId, boolean done) {
        return database.writer().submit(connection -> {
            DoneMarks.set(connection, promptId, annotatorId, done);
            return null;
        });
    }

    public DoneMarks.Progress progress() {
        return database.read(connection -> DoneMarks.progress(connection, annotatorId));
    }

    public ProjectFacets facets() {
        return database.read(ProjectFacets::read);
    }

    public long count(QueueFilter filter) {
        return database.read(connection -> queue.count(connection, annotatorId, filter));
    }

    public List<QueueEntry> page(QueueFilter filter, long offset, int limit) {
        return database.read(connection -> queue.page(connection, annotatorId, filter, offset, limit));
    }

    public long indexOf(QueueFilter filter, long promptId) {
        return database.read(connection -> queue.indexOf(connection, annotatorId, filter, promptId));
    }

    public OptionalLong first(QueueFilter filter) {
        return database.read(connection -> queue.first(connection, annotatorId, filter));
    }

    public OptionalLong neighbour(QueueFilter filter, long promptId, boolean forward) {
        return database.read(connection -> queue.neighbour(connection, annotatorId, filter, promptId, forward));
    }

    /** The prompt a session opens on: the first not yet done by this annotator, else the first of the queue. */
    /**
     * Where the labeler left off: the prompt they last labelled, or, once they marked it done, the next one not
     * done after it; the first prompt not done for someone who has labelled nothing here (or whose last prompt has
     * gone); the first prompt of {@code filter} when everything is done.
     */
    public Optional<PromptWork> openingPrompt(QueueFilter filter) {
        OptionalLong id = database.read(connection -> {
            OptionalLong last = ChangeHistory.lastPromptLabelledBy(connection, annotatorId);
            if (last.isPresent() && PromptContentQuery.exists(connection, last.getAsLong())) {
                if (!DoneMarks.isDone(connection, last.getAsLong(), annotatorId)) {
                    return last;
                }
                OptionalLong after = queue.nextUnfinished(connection, annotatorId, last.getAsLong());
                return after.isPresent() ? after : last;
            }
            return queue.nextUnfinished(connection, annotatorId, 0);
        });
        if (id.isEmpty()) {
            id = first(filter);
        }
        return id.isPresent() ? Optional.of(load(id.getAsLong())) : Optional.empty();
    }

    public OptionalLong nextUnfinished(long promptId) {
        return database.read(connection -> queue.nextUnfinished(connection, annotatorId, promptId));
    }
}
