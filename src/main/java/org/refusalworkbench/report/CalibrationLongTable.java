package org.refusalworkbench.report;

import java.util.Map;

/**
 * The calibration report in long form ({@code report calibration --csv}): a row per model, subset and rate, with
 * the count behind the rate, its n and its Wilson interval. Subsets are the prompts' safety labels ({@code safe},
 * {@code unsafe}) for the two calibration rates and {@code all} for the option rates; response-type counts per
 * safety label are rows with a count and n but no interval. {@code inconsistency} is the share of prompts with two
 * or more decided samples whose samples differ in response type.
 */
public final class CalibrationLongTable {

    static final String[] COLUMNS = {"model", "subset", "rate", "count", "n", "value", "ci_low", "ci_high"};

    private CalibrationLongTable() {
    }

    public static LongTable of(CalibrationReport report) {
        LongTable.Builder table = new LongTable.Builder(COLUMNS);
        addRows(table, report, null);
        return table.build();
    }

    /** The report per part, with the part ({@code category} or {@code safety}) as the first column. */
    public static LongTable of(CalibrationBreakdown breakdown) {
        String[] columns = new String[COLUMNS.length + 1];
        columns[0] = breakdown.by().id();
        System.arraycopy(COLUMNS, 0, columns, 1, COLUMNS.length);
        LongTable.Builder table = new LongTable.Builder(columns);
        breakdown.parts().forEach(part -> addRows(table, part.report(), part.value()));
        return table.build();
    }

    private static void addRows(LongTable.Builder table, CalibrationReport report, String part) {
        boolean available = report.ratesNotAvailable().isEmpty();
        for (ModelCalibration model : report.models()) {
            if (available) {
                add(table, part, model.model(), "safe", "refusal_rate", model.refusalOnSafe());
                add(table, part, model.model(), "unsafe", "compliance_rate", model.complianceOnUnsafe());
                for (Map.Entry<String, Map<String, Long>> subset : model.responseTypes().entrySet()) {
                    long n = subset.getValue().values().stream().mapToLong(Long::longValue).sum();
                    subset.getValue().forEach((type, count) -> add(table, part, model.model(), subset.getKey(),
                            "response_type." + type, Proportion.of(count, n)));
                }
            }
            model.optionRates().forEach((group, options) -> options.forEach((option, rate) ->
                    add(table, part, model.model(), "all", group + "." + option, rate)));
            if (available) {
                add(table, part, model.model(), "all", "inconsistency", model.inconsistency());
            }
        }
    }

    private static void add(LongTable.Builder table, String part, String model, String subset, String rate,
                            Proportion value) {
        if (part == null) {
            table.add(model, subset, rate, value.count(), value.n(), value.rate(), value.low(), value.high());
        } else {
            table.add(part, model, subset, rate, value.count(), value.n(), value.rate(), value.low(), value.high());
        }
    }
}
