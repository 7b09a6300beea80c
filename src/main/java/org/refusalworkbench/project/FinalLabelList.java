package org.refusalworkbench.project;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.export.FinalLabelRow;
import org.refusalworkbench.export.FinalLabelWriter;
import org.refusalworkbench.report.FinalLabels;
import org.refusalworkbench.storage.JudgeLabels;
import org.refusalworkbench.storage.JudgeVerdictCursor;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ResponseContentIds;
import org.refusalworkbench.taxonomy.TaxonomyGroup;

/**
 * Every response's final label, as {@link FinalLabels} decides it, ready to be written in project order with the
 * content ids a dataset names responses and prompts by.
 */
public final class FinalLabelList {

    private static final ObjectMapper TRANSCRIPTS = JsonMapper.builder().build();

    private final ProjectDatabase database;
    private final List<ResponseJudgements> responses;
    private final FinalLabels labels;

    FinalLabelList(ProjectDatabase database, List<ResponseJudgements> responses, FinalLabels labels) {
        this.database = database;
        this.responses = responses;
        this.labels = labels;
    }

    /** How many responses there are, one row each. */
    public int size() {
        return responses.size();
    }

    /** The groups someone used, in taxonomy order: the ones a row can list. */
    public List<String> groupIds() {
        return labels.groups().stream().map(TaxonomyGroup::id).toList();
    }

    /** The judges whose verdicts the rows carry, as {@code name@version}, in the order they were first saved. */
    public List<String> judges() {
        return database.read(JudgeLabels::byId).values().stream().map(Judge::label).toList();
    }

    /**
     * Walks the judgements, the content ids and the judges' verdicts together: all three come in response row-id
     * order, so the judges' verdicts are never all held at once.
     */
    public void writeTo(FinalLabelWriter rows) throws IOException {
        int[] next = {0};
        database.read(connection -> {
            try (JudgeVerdictCursor verdicts = JudgeVerdictCursor.open(connection)) {
                ResponseContentIds.forEach(connection, ids -> {
                    if (next[0] < responses.size() && responses.get(next[0]).responseId() == ids.responseId()) {
                        ResponseJudgements response = responses.get(next[0]++);
                        rows.write(row(ids, response, labels.decide(response),
                                verdicts.verdictsOn(response.responseId())));
                    }
                });
            }
            return null;
        });
        rows.finish();
    }

    private static FinalLabelRow row(ResponseContentIds.Ids ids, ResponseJudgements response,
                                     List<FinalLabels.Decided> decided, List<JudgeVerdictCursor.Verdict> verdicts)
            throws IOException {
        return new FinalLabelRow(ids.responseUid(), ids.promptUid(), response.model(), response.sample(),
                response.safety().id(), decided.stream().map(group -> new FinalLabelRow.Group(group.group().id(),
                        group.options(), group.source().name().toLowerCase(Locale.ROOT))).toList(),
                new FinalLabelRow.Content(ids.responseExternalId(), ids.promptExternalId(), ids.category(),
                        ids.promptText(), ids.responseText(), messages(ids.transcriptJson())),
                verdicts.stream().map(found -> new FinalLabelRow.JudgeCell(found.judge().label(),
                        found.verdict().selections(), found.verdict().raw())).toList());
    }

    /** The stored transcript's turns as role and content only, as chat datasets and TRL read them. */
    private static List<FinalLabelRow.Message> messages(String transcriptJson) throws IOException {
        if (transcriptJson == null) {
            return null;
        }
        List<FinalLabelRow.Message> messages = new ArrayList<>();
        for (JsonNode turn : TRANSCRIPTS.readTree(transcriptJson)) {
            messages.add(new FinalLabelRow.Message(turn.path("role").asText(), turn.path("content").asText()));
        }
        return messages;
    }
}
