package org.refusalworkbench.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calibration report as paper tables: the calibration rates per model, the response-type shares per model
 * and safety label, and each checkbox group's option rates; per category or safety label with a first column
 * for it. Every caption names the label source with its counts, the interval method and the precision.
 */
public final class CalibrationTables {

    private CalibrationTables() {
    }

    public static List<PaperTable> of(CalibrationReport report, String labelRule) {
        return tables(List.of(new CalibrationBreakdown.Part(null, report)), null, labelRule);
    }

    public static List<PaperTable> of(CalibrationBreakdown breakdown, String labelRule) {
        return tables(breakdown.parts(), breakdown.by().id(), labelRule);
    }

    private static List<PaperTable> tables(List<CalibrationBreakdown.Part> parts, String by, String labelRule) {
        String sources = sources(parts);
        String per = by == null ? "per model" : "per " + by + " and model";
        List<PaperTable> tables = new ArrayList<>();
        String notAvailable = parts.isEmpty() ? null : parts.get(0).report().ratesNotAvailable().orElse(null);
        if (notAvailable == null) {
            tables.add(rates(parts, by, "Refusal calibration " + per + ". " + labelRule + " (" + sources + ")."
                    + " Rates in % to one decimal with Wilson 95% intervals; n = responses whose response type is"
                    + " decided; inconsistency over prompts with two or more decided samples."));
            tables.add(types(parts, by, "Response types " + per + " and prompt safety, in % of the decided"
                    + " responses (n) to one decimal. " + labelRule + " (" + sources + ")."));
        }
        for (String group : groups(parts)) {
            tables.add(options(parts, by, group, "Option rates of " + group + " " + per + ", in % to one decimal"
                    + " with Wilson 95% intervals, over the responses where the group applies and is decided (n). "
                    + labelRule + " (" + sources + ")."));
        }
        return tables;
    }

    private static PaperTable rates(List<CalibrationBreakdown.Part> parts, String by, String caption) {
        List<String> headers = new ArrayList<>();
        if (by != null) {
            headers.add(capitalised(by));
        }
        headers.addAll(List.of("Model", "#Responses", "#Refusal on safe (%) [95% CI]", "#n safe",
                "#Compliance on unsafe (%) [95% CI]", "#n unsafe", "#Inconsistent (%) [95% CI]", "#n repeated"));
        PaperTable.Builder table = new PaperTable.Builder(caption, headers.toArray(String[]::new));
        for (CalibrationBreakdown.Part part : parts) {
            for (ModelCalibration model : part.report().models()) {
                List<String> cells = new ArrayList<>();
                if (by != null) {
                    cells.add(part.value());
                }
                cells.add(model.model());
                cells.add(Long.toString(model.responses()));
                cells.add(rate(model.refusalOnSafe()));
                cells.add(Long.toString(model.refusalOnSafe().n()));
                cells.add(rate(model.complianceOnUnsafe()));
                cells.add(Long.toString(model.complianceOnUnsafe().n()));
                cells.add(rate(model.inconsistency()));
                cells.add(Long.toString(model.inconsistency().n()));
                table.add(cells.toArray(String[]::new));
            }
        }
        return table.build();
    }

    private static PaperTable types(List<CalibrationBreakdown.Part> parts, String by, String caption) {
        Set<String> typeIds = new LinkedHashSet<>();
        parts.forEach(part -> part.report().models().forEach(model -> model.responseTypes().values()
                .forEach(counts -> typeIds.addAll(counts.keySet()))));
        List<String> headers = new ArrayList<>();
        if (by != null) {
            headers.add(capitalised(by));
        }
        headers.add("Model");
        headers.add("Safety");
        headers.add("#n");
        typeIds.forEach(type -> headers.add("#" + type + " (%)"));
        PaperTable.Builder table = new PaperTable.Builder(caption, headers.toArray(String[]::new));
        for (CalibrationBreakdown.Part part : parts) {
            for (ModelCalibration model : part.report().models()) {
                model.responseTypes().forEach((safety, counts) -> {
                    long n = counts.values().stream().mapToLong(Long::longValue).sum();
                    List<String> cells = new ArrayList<>();
                    if (by != null) {
                        cells.add(part.value());
                    }
                    cells.add(model.model());
                    cells.add(safety);
                    cells.add(Long.toString(n));
                    typeIds.forEach(type -> cells.add(PaperTableText.percent(
                            Proportion.of(counts.getOrDefault(type, 0L), n).rate())));
                    table.add(cells.toArray(String[]::new));
                });
            }
        }
        return table.build();
    }

    private static PaperTable options(List<CalibrationBreakdown.Part> parts, String by, String group,
                                      String caption) {
        Set<String> optionIds = new LinkedHashSet<>();
        parts.forEach(part -> part.report().models().forEach(model -> optionIds.addAll(
                model.optionRates().getOrDefault(group, Map.of()).keySet())));
        List<String> headers = new ArrayList<>();
        if (by != null) {
            headers.add(capitalised(by));
        }
        headers.add("Model");
        headers.add("#n");
        optionIds.forEach(option -> headers.add("#" + option + " (%) [95% CI]"));
        PaperTable.Builder table = new PaperTable.Builder(caption, headers.toArray(String[]::new));
        for (CalibrationBreakdown.Part part : parts) {
            for (ModelCalibration model : part.report().models()) {
                Map<String, Proportion> rates = model.optionRates().getOrDefault(group, Map.of());
                List<String> cells = new ArrayList<>();
                if (by != null) {
                    cells.add(part.value());
                }
                cells.add(model.model());
                cells.add(Long.toString(rates.values().stream().mapToLong(Proportion::n).max().orElse(0)));
                optionIds.forEach(option -> cells.add(rate(rates.getOrDefault(option, Proportion.of(0, 0)))));
                table.add(cells.toArray(String[]::new));
            }
        }
        return table.build();
    }

    private static Set<String> groups(List<CalibrationBreakdown.Part> parts) {
        Set<String> groups = new LinkedHashSet<>();
        parts.forEach(part -> part.report().models().forEach(model -> groups.addAll(model.optionRates().keySet())));
        return groups;
    }

    /** How the response types were decided, summed over every model: "gold 2,250, majority 0, tie 0". */
    private static String sources(List<CalibrationBreakdown.Part> parts) {
        Map<Consensus.Source, Long> total = new EnumMap<>(Consensus.Source.class);
        parts.forEach(part -> part.report().models().forEach(model -> model.responseTypeSources()
                .forEach((source, count) -> total.merge(source, count, Long::sum))));
        List<String> counts = new ArrayList<>();
        for (Consensus.Source source : Consensus.Source.values()) {
            counts.add(source.name().toLowerCase(java.util.Locale.ROOT) + " " + String.format(java.util.Locale.ROOT,
                    "%,d", total.getOrDefault(source, 0L)));
        }
        return String.join(", ", counts);
    }

    private static String rate(Proportion proportion) {
        return PaperTableText.percentWithInterval(proportion.rate(), proportion.low(), proportion.high());
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
