package org.refusalworkbench.agreement;

/**
 * Agreement weights w(k,l) in [0, 1] with w(k,k) = 1, as used by weighted kappa, AC2 and the weighted
 * percent agreement (Gwet 2014, ch. 3). Ordinal data are weighted on category ranks; interval and
 * ratio data on category values.
 */
public final class AgreementWeights {
    private static final String IDENTITY = "identity";

    private final String name;
    private final double[][] w;

    private AgreementWeights(String name, double[][] w) {
        this.name = name;
        this.w = w;
    }

    /** The weights the report uses for a level: identity (nominal), linear on ranks (ordinal),
     * quadratic (interval), Gwet's ratio weights (ratio), {@code 1 - distance} (sets). */
    public static AgreementWeights forLevel(RatingTable table, SetDistance setDistance) {
        switch (table.level()) {
            case NOMINAL:
                return identity(table.categoryCount());
            case ORDINAL:
                return linear(table);
            case INTERVAL:
                return quadratic(table);
            case RATIO:
                return ratio(table);
            default:
                return fromSetDistance(table, setDistance);
        }
    }

    public static AgreementWeights identity(int categoryCount) {
        double[][] w = new double[categoryCount][categoryCount];
        for (int k = 0; k < categoryCount; k++) {
            w[k][k] = 1.0;
        }
        return new AgreementWeights(IDENTITY, w);
    }

    /** {@code 1 - |x_k - x_l| / (x_max - x_min)}. */
    public static AgreementWeights linear(RatingTable table) {
        return scaled("linear", table, false);
    }

    /** {@code 1 - (x_k - x_l)^2 / (x_max - x_min)^2}. */
    public static AgreementWeights quadratic(RatingTable table) {
        return scaled("quadratic", table, true);
    }

    /** Gwet's ratio weights {@code 1 - ((x_k - x_l)/(x_k + x_l))^2 / ((x_max - x_min)/(x_max + x_min))^2}. */
    public static AgreementWeights ratio(RatingTable table) {
        double[] x = scale(table);
        int q = x.length;
        double[][] w = new double[q][q];
        double min = min(x);
        double max = max(x);
        double range = max + min == 0 ? 0 : (max - min) / (max + min);
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                double ratio = x[k] + x[l] == 0 ? 0 : (x[k] - x[l]) / (x[k] + x[l]);
                w[k][l] = k == l ? 1.0 : range == 0 ? 0 : 1.0 - ratio * ratio / (range * range);
            }
        }
        return new AgreementWeights("ratio", w);
    }

    static AgreementWeights fromSetDistance(RatingTable table, SetDistance distance) {
        int q = table.categoryCount();
        double[][] w = new double[q][q];
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                w[k][l] = 1.0 - distance.between(table.optionsOfCategoryUnsafe(k), table.optionsOfCategoryUnsafe(l));
            }
        }
        return new AgreementWeights(distance.label(), w);
    }

    private static AgreementWeights scaled(String name, RatingTable table, boolean squared) {
        double[] x = scale(table);
        int q = x.length;
        double range = max(x) - min(x);
        double[][] w = new double[q][q];
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                double d = range == 0 ? 0 : Math.abs(x[k] - x[l]) / range;
                w[k][l] = k == l ? 1.0 : 1.0 - (squared ? d * d : d);
            }
        }
        return new AgreementWeights(name, w);
    }

    /** Category positions for nominal, ordinal and set data, category values for interval and ratio data. */
    private static double[] scale(RatingTable table) {
        int q = table.categoryCount();
        double[] x = new double[q];
        boolean values = table.level() == MeasurementLevel.INTERVAL || table.level() == MeasurementLevel.RATIO;
        for (int k = 0; k < q; k++) {
            x[k] = values ? table.categoryValue(k) : k + 1;
        }
        return x;
    }

    private static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    public String name() {
        return name;
    }

    public int size() {
        return w.length;
    }

    public double get(int k, int l) {
        return w[k][l];
    }

    /**
     * Whether these are the identity weights themselves (nominal data, or identity asked for), not a weighting
     * scheme. A scheme can come out as the identity matrix for some data (linear weights on two categories), and
     * is still reported as the weighted coefficient it was asked for.
     */
    public boolean isIdentityScheme() {
        return name.equals(IDENTITY);
    }

    /** Sum of all weights; q for the identity. */
    double total() {
        double sum = 0;
        for (double[] row : w) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum;
    }

    double[][] matrix() {
        return w;
    }
}
