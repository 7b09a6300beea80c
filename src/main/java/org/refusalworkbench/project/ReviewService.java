package org.refusalworkbench.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.refusalworkbench.domain.PromptContent;
import org.refusalworkbench.domain.ChangeEntry;
import org.refusalworkbench.domain.Response;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.storage.Annotators;
import org.refusalworkbench.storage.ChangeHistory;
import org.refusalworkbench.storage.GoldReviews;
import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.storage.LabelStore;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.storage.PromptContentQuery;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * What review needs from a project, for one reviewer. Reads run on the caller's (background) thread; gold labels
 * are written as adjudications on the writer thread, never over an annotator's own label.
 */
public final class ReviewService {

    /** One annotator's judgement of a response and of its prompt. */
    public record AnnotatorJudgement(String annotator, Selections selections, String note, Selections intent,
                                     String intentNote) {
    }

    /** Everything shown for one response under review. */
    public record ResponseDetail(PromptContent content, Response response, List<AnnotatorJudgement> annotators,
                                 Selections gold, String goldReason, String goldReviewer,
                                 List<ChangeEntry> history) {
    }

    private static final org.refusalworkbench.domain.ChangeSource SOURCE = org.refusalworkbench.domain.ChangeSource.APP;

    private final ProjectDatabase database;
    private final String reviewer;
    private final long reviewerId;
    private final Taxonomy taxonomy;
    private final String projectName;
    private final ProjectReports reports;

    private ReviewService(ProjectDatabase database, String reviewer, long reviewerId, Taxonomy taxonomy,
                          String projectName) {
        this.database = database;
        this.reviewer = reviewer;
        this.reviewerId = reviewerId;
        this.taxonomy = taxonomy;
        this.projectName = projectName;
        this.reports = new ProjectReports(database, taxonomy);
    }

    /** Registers the reviewer in the project if new; blocks on the writer, so call it off the UI thread. */
    public static ReviewService open(ProjectDatabase database, String reviewer) {
        long id = database.readOnlyNotice().isPresent() ? Annotators.idForReading(database, reviewer)
                : database.writer().run(connection -> Annotators.idFor(connection, reviewer));
        return new ReviewService(database, reviewer, id, database.read(ProjectSetup::currentTaxonomy),
                database.read(ProjectSetup::projectName));
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public String reviewer() {
        return reviewer;
    }

    /** The name as it was when review opened: views show it on the UI thread, which must not read the database. */
    public String projectName() {
        return projectName;
    }

    /** Every response's labels and gold label, in project order. */
    public List<ResponseJudgements> judgements() {
        return reports.judgements();
    }

    /** The first {@code length} characters of each prompt's text, by prompt id, for the review queue's rows. */
    public Map<Long, String> promptExcerpts(int length) {
        return database.read(connection -> PromptContentQuery.excerpts(connection, length));
    }

    /** The project's reports, against the taxonomy this review opened with. */
    public ProjectReports reports() {
        return reports;
    }

    public ResponseDetail detail(ResponseJudgements judgements) {
        return database.read(connection -> {
            PromptContent content = PromptContentQuery.load(connection, judgements.promptId());
            Response response = content.responses().stream()
                    .filter(candidate -> candidate.id() == judgements.responseId()).findFirst().orElseThrow();
            List<AnnotatorJudgement> annotators = new ArrayList<>();
            Map<String, Selections> labels = new LinkedHashMap<>(judgements.byAnnotator());
            for (String name : labels.keySet().stream().sorted().toList()) {
                Long id = Annotators.find(connection, name);
                LabelStore.Stored label = LabelStore.load(connection, LabelKind.RESPONSE_LABEL,
                        response.id(), id).orElse(null);
                LabelStore.Stored intent = LabelStore.load(connection, LabelKind.PROMPT_LABEL,
                        judgements.promptId(), id).orElse(null);
                annotators.add(new AnnotatorJudgement(name, labels.get(name), label == null ? null : label.text(),
                        intent == null ? Selections.none() : intent.selections(),
                        intent == null ? null : intent.text()));
            }
            LabelStore.Stored gold = LabelStore.load(connection, LabelKind.ADJUDICATION, response.id(), reviewerId)
                    .orElse(null);
            return new ResponseDetail(content, response, annotators, gold == null ? null : gold.selections(),
                    gold == null ? null : gold.text(),
                    gold == null ? null : Annotators.nameOf(connection, gold.personId()),
                    ChangeHistory.ofAdjudication(connection, response.id()));
        });
    }

    /**
     * Stores {@code gold} as the response's adjudication and records that this reviewer has reviewed it, in one
     * transaction; revising one keeps the old values in the change log. Saving the gold as it was is a
     * confirmation: nothing changes in the adjudication, the review is still recorded.
     */
    public CompletableFuture<GoldSave> saveGold(long responseId, Selections gold, String reason) {
        return database.writer().submit(connection -> {
            Optional<LabelStore.Stored> before = LabelStore.load(connection, LabelKind.ADJUDICATION, responseId,
                    reviewerId);
            boolean reviewedBefore = GoldReviews.isReviewed(connection, responseId, reviewerId);
            boolean changed = LabelStore.save(connection, LabelKind.ADJUDICATION, responseId, reviewerId, gold,
                    reason, SOURCE);
            GoldReviews.set(connection, responseId, reviewerId, true);
            return new GoldSave(responseId, gold, reason, changed, before, reviewedBefore);
        });
    }

    /**
     * Takes back {@code save}: the gold label, its reason and its reviewer as they were (or no gold, if there was
     * none), and the review record as it was. The change log keeps both the save and its undoing.
     */
    public CompletableFuture<Void> undoGold(GoldSave save) {
        return database.writer().submit(connection -> {
            LabelStore.restore(connection, LabelKind.ADJUDICATION, save.responseId(), reviewerId, save.before(),
                    SOURCE);
            GoldReviews.set(connection, save.responseId(), reviewerId, save.reviewedBefore());
            return null;
        });
    }

    /** The responses whose gold this reviewer has saved or confirmed. */
    public Set<Long> reviewedByMe() {
        return database.read(connection -> GoldReviews.reviewedBy(connection, reviewerId));
    }
}
