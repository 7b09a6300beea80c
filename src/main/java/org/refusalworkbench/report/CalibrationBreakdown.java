package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.refusalworkbench.domain.ResponseJudgements;
import org.refusalworkbench.domain.SafetyLabel;
import org.refusalworkbench.taxonomy.Taxonomy;

/**
 * The calibration report once per prompt category or per safety label ({@code report calibration --by}), every
 * part under the final-label rule of the whole project. Responses whose prompt has no category form a part of
 * their own, so no response is left out of the sum of the parts.
 */
public record CalibrationBreakdown(Dimension by, List<Part> parts) {

    /** The part of responses whose prompt has no category. */
    public static final String UNCATEGORISED = "(no category)";

    /** What the parts are. */
    public enum Dimension {
        CATEGORY, SAFETY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One category's or safety label's report. */
    public record Part(String value, CalibrationReport report) {
    }

    /**
     * @param categories each response id's prompt category, for the responses whose prompt has one
     */
    public static CalibrationBreakdown compute(List<ResponseJudgements> responses, Taxonomy taxonomy, Dimension by,
                                               Map<Long, String> categories) {
        FinalLabels labels = FinalLabels.of(responses, taxonomy);
        Map<String, List<ResponseJudgements>> byValue = by == Dimension.CATEGORY ? new TreeMap<>()
                : new LinkedHashMap<>();
        if (by == Dimension.SAFETY) {
            for (SafetyLabel label : SafetyLabel.values()) {
                byValue.put(label.id(), new ArrayList<>());   // safe, unsafe, unknown, in that order
            }
        }
        List<ResponseJudgements> uncategorised = new ArrayList<>();
        for (ResponseJudgements response : responses) {
            if (by == Dimension.SAFETY) {
                byValue.computeIfAbsent(response.safety().id(), value -> new ArrayList<>()).add(response);
                continue;
            }
            String category = categories.get(response.responseId());
            if (category == null) {
                uncategorised.add(response);
            } else {
                byValue.computeIfAbsent(category, value -> new ArrayList<>()).add(response);
            }
        }
        List<Part> parts = new ArrayList<>();
        byValue.forEach((value, part) -> {
            if (!part.isEmpty()) {
                parts.add(new Part(value, CalibrationReport.compute(part, taxonomy, labels)));
            }
        });
        if (!uncategorised.isEmpty()) {
            parts.add(new Part(UNCATEGORISED, CalibrationReport.compute(uncategorised, taxonomy, labels)));
        }
        return new CalibrationBreakdown(by, List.copyOf(parts));
    }
}
