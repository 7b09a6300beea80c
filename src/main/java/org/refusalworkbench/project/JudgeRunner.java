package org.refusalworkbench.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.domain.Judge;
import org.refusalworkbench.domain.JudgeVerdict;
import org.refusalworkbench.domain.Selections;
import org.refusalworkbench.judging.KeywordRule;
import org.refusalworkbench.storage.JudgeLabels;
import org.refusalworkbench.storage.ProjectDatabase;
import org.refusalworkbench.storage.ProjectSetup;
import org.refusalworkbench.taxonomy.ResponseTypes;
import org.refusalworkbench.taxonomy.Taxonomy;
import org.refusalworkbench.taxonomy.TaxonomyRoles;

/**
 * Runs a keyword judge over every response of a project and saves its verdicts as the judge's labels: full refusal
 * or full compliance in the taxonomy's response-type group. A transcript is judged by its last assistant turn.
 * Running the same judge (name and version) again adds nothing.
 */
public final class JudgeRunner {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ProjectDatabase database;

    public JudgeRunner(ProjectDatabase database) {
        this.database = database;
    }

    /** What a run did. */
    public record Summary(String judge, String version, long judged, long added, long refusals) {
    }

    public Summary run(KeywordRule rule) {
        Taxonomy taxonomy = database.read(ProjectSetup::currentTaxonomy);
        ResponseTypes types = taxonomy.roles().responseTypes().orElseThrow(() -> new IllegalArgumentException(
                "a keyword judge gives a response type, but " + TaxonomyRoles.NO_RESPONSE_TYPES));
        // Two verdicts only, shared by every response: a million responses are a million references, not selections.
        Selections refusal = Selections.of(Map.of(types.group().id(), List.of(types.refusal())));
        Selections compliance = Selections.of(Map.of(types.group().id(), List.of(types.compliance())));
        List<JudgeVerdict> verdicts = new ArrayList<>();
        long[] refusals = {0};
        database.read(connection -> {
            JudgeLabels.forEachInput(connection, input -> {
                String text = judgedText(input);
                boolean refuses = rule.refuses(text);
                refusals[0] += refuses ? 1 : 0;
                verdicts.add(new JudgeVerdict(input.responseId(), refuses ? types.refusal() : types.compliance(),
                        refuses ? refusal : compliance));
            });
            return null;
        });
        Judge judge = new Judge(rule.name(), rule.version());
        int added = database.writer().run(connection -> JudgeLabels.save(connection, judge, verdicts));
        return new Summary(rule.name(), rule.version(), verdicts.size(), added, refusals[0]);
    }

    /** The response's text, or its transcript's last assistant turn, which is the turn the labels judge. */
    static String judgedText(JudgeLabels.Input input) {
        if (input.transcriptJson() == null) {
            return input.text() == null ? "" : input.text();
        }
        try {
            JsonNode turns = JSON.readTree(input.transcriptJson());
            for (int i = turns.size() - 1; i >= 0; i--) {
                if ("assistant".equals(turns.get(i).path("role").asText())) {
                    return turns.get(i).path("content").asText();
                }
            }
            return "";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response " + input.responseId() + ": its stored transcript is not JSON", e);
        }
    }
}
