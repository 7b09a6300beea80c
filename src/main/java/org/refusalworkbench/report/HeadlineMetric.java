package org.refusalworkbench.report;

import org.refusalworkbench.report.AgreementMeasures.Level;

/**
 * The four coefficients every agreement view shows for each group and option, in the order they show them: the
 * key a coefficient is stored and exported under, and the names people read. One list, so the dashboard, the HTML
 * page, the terminal table and the JSON cannot disagree about what a column is.
 */
public enum HeadlineMetric {
    ALPHA("krippendorff_alpha", "Krippendorff's α", "alpha", true),
    /** Cohen's kappa for two annotators ({@code cohen_kappa}), Fleiss' for more ({@code fleiss_kappa}). */
    KAPPA("fleiss_kappa", "Fleiss' κ (Cohen's for 2)", "kappa", true),
    /**
     * Gwet's coefficient, whatever its weighting: {@code gwet_ac1} for single-choice groups and yes/no options,
     * {@code gwet_ac2} for checkbox groups, which are measured with MASI weights (docs/agreement.md).
     */
    GWET("gwet_ac", "Gwet's AC1/AC2", "gwet_ac1/ac2", true),
    PERCENT("percent_agreement", "Agreement", "agreement", false);

    private final String key;
    private final String displayName;
    private final String columnName;
    private final boolean chanceCorrected;

    HeadlineMetric(String key, String displayName, String columnName, boolean chanceCorrected) {
        this.key = key;
        this.displayName = displayName;
        this.columnName = columnName;
        this.chanceCorrected = chanceCorrected;
    }

    /** The key under which a coefficient of a variable at {@code level} is stored and exported. */
    public String keyFor(Level level) {
        if (this != GWET) {
            return key;
        }
        return level == Level.SET ? "gwet_ac2" : "gwet_ac1";
    }

    /** True when {@code coefficientKey} is this metric's key at some level. */
    public boolean matches(String coefficientKey) {
        return switch (this) {
            case GWET -> coefficientKey.startsWith(key);
            case KAPPA -> coefficientKey.equals("cohen_kappa") || coefficientKey.equals(key);
            default -> coefficientKey.equals(key);
        };
    }

    /** The name shown in the app and in the HTML report. */
    public String displayName() {
        return displayName;
    }

    /** The short column name of the terminal table. */
    public String columnName() {
        return columnName;
    }

    /**
     * Chance-corrected coefficients are coloured by the kappa scale; raw agreement is not, since 90% agreement can
     * hide a kappa near zero.
     */
    public boolean isChanceCorrected() {
        return chanceCorrected;
    }
}
