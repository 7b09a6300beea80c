package org.refusalworkbench.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.fileio.Progress;
import org.refusalworkbench.storage.ExportSnapshot;
import org.refusalworkbench.storage.ExportedJudgement;
import org.refusalworkbench.storage.PromptJudgements;
import org.refusalworkbench.storage.PromptJudgements.ResponseJudgements;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * Chosen/rejected pairs for preference training, one JSON object a line, built prompt by prompt from the labels
 * of its responses ({@link PreferenceJudging}); each side carries its labels and the share of annotators who agree
 * with its verdict.
 */
final class PreferenceExport {

    private final ExportSnapshot snapshot;
    private final ObjectMapper json = JsonMapper.builder().build();

    PreferenceExport(ExportSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    ExportSummary write(ExportOptions options, OutputStream out, Progress progress) throws Exception {
        Taxonomy taxonomy = snapshot.taxonomy();
        PreferenceJudging judging = new PreferenceJudging(taxonomy, options);
        Map<String, Object> taxonomyRef = new LinkedHashMap<>();
        taxonomyRef.put("id", taxonomy.id());
        taxonomyRef.put("version", taxonomy.version());
        taxonomyRef.put("content_hash", taxonomy.contentHash());
        long[] counts = new long[3];
        snapshot.forEachPrompt(prompt -> {
            PreferenceJudging.JudgedPrompt judged = judging.judge(prompt);
            counts[0] += judged.labels();
            counts[1] += judged.adjudications();
            for (PreferenceJudging.Judged chosen : judged.preferred()) {
                for (PreferenceJudging.Judged worse : judged.rejected()) {
                    writePair(out, prompt, judged.safety(), chosen, worse, taxonomyRef, judging);
                    counts[2]++;
                }
            }
        });
        progress.update(1, 1);
        return new ExportSummary(ExportFormat.PREFERENCE, counts[0], 0, counts[1], counts[2]);
    }

    private void writePair(OutputStream out, PromptJudgements prompt, String safety, PreferenceJudging.Judged chosen,
                           PreferenceJudging.Judged rejected, Map<String, Object> taxonomyRef,
                           PreferenceJudging judging) throws Exception {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("prompt_id", prompt.promptUid());
        pair.put("prompt", prompt.text());
        pair.put("prompt_safety", safety);
        pair.put("reason", judging.rules().reason(safety, judging.evidence(rejected, safety)));
        pair.put("chosen", side(chosen));
        pair.put("rejected", side(rejected));
        pair.put("taxonomy", taxonomyRef);
        out.write(json.writeValueAsBytes(pair));
        out.write('\n');
    }

    private Map<String, Object> side(PreferenceJudging.Judged judged) throws Exception {
        ResponseJudgements response = judged.response();
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("response_id", response.responseUid());
        side.put("model", response.model());
        side.put("sample", response.sample());
        side.put("response", response.text());
        side.put("messages", response.transcriptJson() == null ? null
                : json.readTree(response.transcriptJson()));
        side.put("verdict_from", judged.verdictFrom());
        side.put("agreement", judged.roundedAgreement());
        List<Map<String, Object>> labels = new ArrayList<>();
        for (ExportedJudgement label : judged.labels()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("annotator", label.person());
            entry.put("selections", label.selections().asMap());
            labels.add(entry);
        }
        side.put("labels", labels);
        ExportedJudgement gold = response.gold();
        if (gold != null && judged.verdictFrom().equals("adjudication")) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("reviewer", gold.person());
            entry.put("gold", gold.selections().asMap());
            entry.put("reason", gold.text());
            side.put("adjudication", entry);
        } else {
            side.put("adjudication", null);
        }
        return side;
    }
}
