package org.refusalworkbench.report;

import java.util.List;
import java.util.Map;

/**
 * How one model refuses, from its decided labels. {@code responseTypes} counts response types per prompt safety
 * label ("safe", "unsafe", "unknown"), as in XSTest's tables; every rate carries its count and Wilson interval.
 *
 * @param inconsistency       among the prompts this model answered with two or more decided samples, the share
 *                            whose samples differ in response type (n = such prompts; null rate without any)
 * @param inconsistentPrompts those prompts' ids, in project order
 */
public record ModelCalibration(String model, long responses, Map<Consensus.Source, Long> responseTypeSources,
                               Map<String, Map<String, Long>> responseTypes, Proportion refusalOnSafe,
                               Proportion complianceOnUnsafe, Map<String, Map<String, Proportion>> optionRates,
                               Map<String, Long> tiesByGroup, Proportion inconsistency,
                               List<Long> inconsistentPrompts) {
}
