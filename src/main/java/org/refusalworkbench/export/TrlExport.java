package org.refusalworkbench.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.refusalworkbench.fileio.Progress;
import org.refusalworkbench.storage.ExportSnapshot;
import org.refusalworkbench.storage.PromptJudgements;
import org.refusalworkbench.storage.PromptJudgements.ResponseJudgements;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * TRL's preference (DPO: {@code prompt}, {@code chosen}, {@code rejected}) and unpaired preference (KTO:
 * {@code prompt}, {@code completion}, {@code label}) datasets, from the same verdicts as the preference export.
 *
 * <p>One form for every row, because a dataset's column has one type: the standard form (text) when the project
 * holds no transcript, else the conversational form (lists of {@code {role, content}} messages), where a response
 * given as text reads as the prompt's user turn and the response's assistant turn. The turns before the judged
 * (last) assistant turn are the prompt, shared by both sides of a pair; a pair whose transcripts differ before it
 * is no preference between two answers to one conversation, so it is left out and counted. Everything else (ids,
 * models, verdicts, agreement) is in flat columns of one scalar type each.
 */
final class TrlExport {

    private final ExportSnapshot snapshot;
    private final ExportFormat format;
    private final ObjectMapper json = JsonMapper.builder().build();

    TrlExport(ExportSnapshot snapshot, ExportFormat format) {
        this.snapshot = snapshot;
        this.format = format;
    }

    /** A response split for training: the turns before the judged one, and the judged turn. */
    private record Split(List<Map<String, String>> prompt, List<Map<String, String>> completion) {
    }

    ExportSummary write(ExportOptions options, OutputStream out, Progress progress) throws Exception {
        Taxonomy taxonomy = snapshot.taxonomy();
        PreferenceJudging judging = new PreferenceJudging(taxonomy, options);
        boolean conversational = snapshot.hasTranscripts();
        long[] counts = new long[4];
        snapshot.forEachPrompt(prompt -> {
            PreferenceJudging.JudgedPrompt judged = judging.judge(prompt);
            counts[0] += judged.labels();
            counts[1] += judged.adjudications();
            if (format == ExportFormat.TRL_DPO) {
                for (PreferenceJudging.Judged chosen : judged.preferred()) {
                    for (PreferenceJudging.Judged rejected : judged.rejected()) {
                        if (writePair(out, judged, chosen, rejected, conversational, taxonomy, judging)) {
                            counts[2]++;
                        } else {
                            counts[3]++;
                        }
                    }
                }
            } else {
                for (PreferenceJudging.Judged response : judged.all()) {
                    if (response.verdict() == PreferenceRules.Verdict.NEITHER) {
                        counts[3]++;
                    } else if (writeCompletion(out, judged, response, conversational, taxonomy)) {
                        counts[2]++;
                    } else {
                        counts[3]++;
                    }
                }
            }
        });
        progress.update(1, 1);
        return new ExportSummary(format, counts[0], 0, counts[1], counts[2], counts[3]);
    }

    private boolean writePair(OutputStream out, PreferenceJudging.JudgedPrompt judged, PreferenceJudging.Judged chosen,
                              PreferenceJudging.Judged rejected, boolean conversational, Taxonomy taxonomy,
                              PreferenceJudging judging) throws Exception {
        PromptJudgements prompt = judged.prompt();
        Map<String, Object> row = new LinkedHashMap<>();
        if (conversational) {
            Split chosenSplit = split(prompt, chosen.response());
            Split rejectedSplit = split(prompt, rejected.response());
            if (chosenSplit == null || rejectedSplit == null || !chosenSplit.prompt().equals(rejectedSplit.prompt())) {
                return false;
            }
            row.put("prompt", chosenSplit.prompt());
            row.put("chosen", chosenSplit.completion());
            row.put("rejected", rejectedSplit.completion());
        } else {
            row.put("prompt", prompt.text());
            row.put("chosen", chosen.response().text());
            row.put("rejected", rejected.response().text());
        }
        promptColumns(row, judged);
        row.put("reason", judging.rules().reason(judged.safety(), judging.evidence(rejected, judged.safety())));
        sideColumns(row, "chosen_", chosen);
        sideColumns(row, "rejected_", rejected);
        taxonomyColumns(row, taxonomy);
        writeRow(out, row);
        return true;
    }

    private boolean writeCompletion(OutputStream out, PreferenceJudging.JudgedPrompt judged,
                                 PreferenceJudging.Judged response, boolean conversational, Taxonomy taxonomy)
            throws Exception {
        PromptJudgements prompt = judged.prompt();
        Map<String, Object> row = new LinkedHashMap<>();
        if (conversational) {
            Split split = split(prompt, response.response());
            if (split == null) {
                return false;
            }
            row.put("prompt", split.prompt());
            row.put("completion", split.completion());
        } else {
            row.put("prompt", prompt.text());
            row.put("completion", response.response().text());
        }
        row.put("label", response.verdict() == PreferenceRules.Verdict.PREFERRED);
        promptColumns(row, judged);
        sideColumns(row, "", response);
        taxonomyColumns(row, taxonomy);
        writeRow(out, row);
        return true;
    }

    private static void promptColumns(Map<String, Object> row, PreferenceJudging.JudgedPrompt judged) {
        row.put("prompt_id", judged.prompt().promptUid());
        row.put("prompt_external_id", judged.prompt().externalId());
        row.put("prompt_category", judged.prompt().category());
        row.put("prompt_safety", judged.safety());
    }

    private static void sideColumns(Map<String, Object> row, String prefix, PreferenceJudging.Judged judged) {
        ResponseJudgements response = judged.response();
        row.put(prefix + "response_id", response.responseUid());
        row.put(prefix + "response_external_id", response.externalId());
        row.put(prefix + "model", response.model());
        row.put(prefix + "sample", response.sample());
        row.put(prefix + "verdict_from", judged.verdictFrom());
        row.put(prefix + "agreement", judged.roundedAgreement());
        row.put(prefix + "annotators", judged.labels().size());
    }

    private static void taxonomyColumns(Map<String, Object> row, Taxonomy taxonomy) {
        row.put("taxonomy_id", taxonomy.id());
        row.put("taxonomy_version", taxonomy.version());
    }

    /**
     * The turns before the last assistant turn, and that turn, as {@code {role, content}} only; {@code null} when the
     * transcript does not end with the assistant's turn (there is no judged turn to train on).
     */
    private Split split(PromptJudgements prompt, ResponseJudgements response) throws Exception {
        List<Map<String, String>> turns = new ArrayList<>();
        if (response.transcriptJson() == null) {
            turns.add(message("user", prompt.text()));
            turns.add(message("assistant", response.text()));
        } else {
            for (JsonNode turn : json.readTree(response.transcriptJson())) {
                turns.add(message(turn.path("role").asText(), turn.path("content").asText()));
            }
        }
        if (turns.isEmpty() || !"assistant".equals(turns.get(turns.size() - 1).get("role"))) {
            return null;
        }
        return new Split(List.copyOf(turns.subList(0, turns.size() - 1)), List.of(turns.get(turns.size() - 1)));
    }

    private static Map<String, String> message(String role, String content) {
        Map<String, String> message = new LinkedHashMap<>();
        message.put("role", role);
        message.put("content", content);
        return message;
    }

    private void writeRow(OutputStream out, Map<String, Object> row) throws Exception {
        out.write(json.writeValueAsBytes(row));
        out.write('\n');
    }
}
