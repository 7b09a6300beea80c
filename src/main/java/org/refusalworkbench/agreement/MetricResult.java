package org.refusalworkbench.agreement;

/**
 * One coefficient of a report. {@code value} is null when the coefficient is undefined for the data
 * (never NaN); {@code standardError} is null when there is no analytic formula; {@code ci95} is null
 * when the bootstrap was not run or left the metric undefined in every resample.
 */
public record MetricResult(Metric metric, String key, Double value, Double standardError, ConfidenceInterval ci95) {
}
