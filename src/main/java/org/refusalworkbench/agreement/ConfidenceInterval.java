package org.refusalworkbench.agreement;

/** A two-sided interval; the report's are bootstrap percentile intervals at 95%. */
public record ConfidenceInterval(double lower, double upper) {
}
