package org.refusalworkbench.report;

import java.util.Map;

/**
 * The calibration report in long form ({@code report calibration --csv}): a row per model, subset and rate, with
 * the count behind the rate, its n and its Wilson interval. Subsets are the prompts' safety labels ({@code safe},
 * {@code unsafe}) for the two calibration rates and {@code all} for the option rates; response-type counts per
 * safety label are rows with a count and n but no interval.
 */
public final class CalibrationLongTable {

    static final String[] COLUMNS = {"model", "subset", "rate", "count", "n", "value", "ci_low", "ci_high"};

    private CalibrationLongTable() {
    }

    public static LongTable of(CalibrationReport report) {
        LongTable.Builder table = new LongTable.Builder(COLUMNS);
        boolean available = report.ratesNotAvailable().isEmpty();
        for (ModelCalibration model : report.models()) {
            if (available) {
                add(table, model.model(), "safe", "refusal_rate", model.refusalOnSafe());
                add(table, model.model(), "unsafe", "compliance_rate", model.complianceOnUnsafe());
                for (Map.Entry<String, Map<String, Long>> subset : model.responseTypes().entrySet()) {
                    long n = subset.getValue().values().stream().mapToLong(Long::longValue).sum();
                    subset.getValue().forEach((type, count) -> add(table, model.model(), subset.getKey(),
                            "response_type." + type, Proportion.of(count, n)));
                }
            }
            model.optionRates().forEach((group, options) -> options.forEach((option, rate) ->
                    add(table, model.model(), "all", group + "." + option, rate)));
        }
        return table.build();
    }

    private static void add(LongTable.Builder table, String model, String subset, String rate, Proportion value) {
        table.add(model, subset, rate, value.count(), value.n(), value.rate(), value.low(), value.high());
    }
}
