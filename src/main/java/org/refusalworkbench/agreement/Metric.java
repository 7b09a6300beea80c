package org.refusalworkbench.agreement;

/** The headline coefficients of a report, in report order. */
public enum Metric {
    PERCENT_AGREEMENT("percent_agreement"),
    COHEN_KAPPA("cohen_kappa"),
    SCOTT_PI("scott_pi"),
    FLEISS_KAPPA("fleiss_kappa"),
    CONGER_KAPPA("conger_kappa"),
    KRIPPENDORFF_ALPHA("krippendorff_alpha"),
    /** AC1 with identity weights, AC2 otherwise; see {@link #key(boolean)}. */
    GWET_AC("gwet_ac1"),
    BRENNAN_PREDIGER("brennan_prediger");

    private final String key;

    Metric(String key) {
        this.key = key;
    }

    /** JSON key; Gwet's coefficient is {@code gwet_ac2} when the weights are not the identity. */
    public String key(boolean weighted) {
        return this == GWET_AC && weighted ? "gwet_ac2" : key;
    }

    /** Cohen's kappa and Scott's pi are reported for exactly two raters only. */
    public boolean needsExactlyTwoRaters() {
        return this == COHEN_KAPPA || this == SCOTT_PI;
    }

    /** Whether the coefficient corrects for chance with category marginals (prone to the prevalence paradox). */
    boolean usesMarginals() {
        return this == COHEN_KAPPA || this == SCOTT_PI || this == FLEISS_KAPPA || this == CONGER_KAPPA
                || this == KRIPPENDORFF_ALPHA;
    }
}
