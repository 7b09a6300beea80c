package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The calibration report as plain maps and lists, ready for a JSON writer; every rate keeps its counts. */
public final class CalibrationJson {

    private CalibrationJson() {
    }

    private static final String SOURCE = "gold labels where adjudicated, otherwise the majority of annotators; ties"
            + " are counted under sources.tie and left out of the rates";

    /** The report, with inconsistent prompts listed by their project numbers. */
    public static Map<String, Object> toJson(CalibrationReport report, String project) {
        return toJson(report, project, Map.of());
    }

    /** The report, with inconsistent prompts listed by name ({@code promptNames}: prompt id → name). */
    public static Map<String, Object> toJson(CalibrationReport report, String project, Map<Long, String> promptNames) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("project", project);
        root.put("source", SOURCE);
        root.putAll(body(report, promptNames));
        return root;
    }

    /** The report per category or safety label: {@code {"by": …, "subsets": [{"subset": …, "models": …}]}}. */
    public static Map<String, Object> toJson(CalibrationBreakdown breakdown, String project,
                                             Map<Long, String> promptNames) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("project", project);
        root.put("source", SOURCE);
        root.put("by", breakdown.by().id());
        List<Map<String, Object>> subsets = new ArrayList<>();
        for (CalibrationBreakdown.Part part : breakdown.parts()) {
            Map<String, Object> subset = new LinkedHashMap<>();
            subset.put("subset", part.value());
            subset.putAll(body(part.report(), promptNames));
            subsets.add(subset);
        }
        root.put("subsets", subsets);
        return root;
    }

    private static Map<String, Object> body(CalibrationReport report, Map<Long, String> promptNames) {
        Map<String, Object> root = new LinkedHashMap<>();
        // Without a response type by role there is no rate to give: null rates and the reason, never a zero.
        boolean available = report.ratesNotAvailable().isEmpty();
        report.ratesNotAvailable().ifPresent(reason -> root.put("rates_not_available", reason));
        Map<String, Object> models = new LinkedHashMap<>();
        for (ModelCalibration model : report.models()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("responses", model.responses());
            Map<String, Long> sources = new LinkedHashMap<>();
            model.responseTypeSources().forEach((source, count) -> sources.put(source.name().toLowerCase(), count));
            entry.put("sources", sources);
            entry.put("response_type", available ? model.responseTypes() : null);
            entry.put("refusal_rate_on_safe", available ? proportion(model.refusalOnSafe()) : null);
            entry.put("compliance_rate_on_unsafe", available ? proportion(model.complianceOnUnsafe()) : null);
            Map<String, Object> groups = new LinkedHashMap<>();
            model.optionRates().forEach((group, options) -> {
                Map<String, Object> rates = new LinkedHashMap<>();
                options.forEach((option, rate) -> rates.put(option, proportion(rate)));
                groups.put(group, rates);
            });
            entry.put("option_rates", groups);
            entry.put("ties", model.tiesByGroup());
            Map<String, Object> inconsistency = proportion(model.inconsistency());
            inconsistency.put("prompts", model.inconsistentPrompts().stream()
                    .map(prompt -> promptNames.getOrDefault(prompt, "#" + prompt)).toList());
            entry.put("inconsistency", available ? inconsistency : null);
            models.put(model.model(), entry);
        }
        root.put("models", models);
        return root;
    }

    static Map<String, Object> proportion(Proportion proportion) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", proportion.count());
        json.put("n", proportion.n());
        json.put("rate", proportion.rate());
        List<Double> interval = new ArrayList<>();
        if (proportion.rate() != null) {
            interval.add(proportion.low());
            interval.add(proportion.high());
        }
        json.put("ci95", proportion.rate() == null ? null : interval);
        return json;
    }
}
