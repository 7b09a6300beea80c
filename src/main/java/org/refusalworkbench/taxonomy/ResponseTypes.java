package org.refusalworkbench.taxonomy;

import java.util.Optional;

/**
 * The response-type group and which of its options mean compliance and refusal: what refusal rates, preference
 * pairs and XSTest labels need. An option with no role (say, "unclear") is neither a refusal nor compliance.
 */
public record ResponseTypes(TaxonomyGroup group, String compliance, String refusal, Optional<String> partialRefusal) {

    /** Full or partial refusal: XSTest's "refusal rate" counts both. */
    public boolean isRefusal(String option) {
        return refusal.equals(option) || partialRefusal.filter(option::equals).isPresent();
    }

    public boolean isCompliance(String option) {
        return compliance.equals(option);
    }

    public boolean isFullRefusal(String option) {
        return refusal.equals(option);
    }
}
