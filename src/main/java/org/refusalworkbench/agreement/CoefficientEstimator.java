package org.refusalworkbench.agreement;

/**
 * Computes every headline coefficient, and the kappa of each category as its own binary variable, in
 * one sequential pass over the units, each unit weighted by how often it occurs in the sample: all ones
 * for the point estimate, bootstrap multiplicities for a resample, so the bootstrap reuses exactly the
 * arithmetic of the estimate. Walking units in order
 * (rather than visiting drawn units at random) keeps large inputs cache-friendly. Cost is linear in the
 * ratings plus O(raters × categories²) to finish.
 *
 * <p>Formulas follow Gwet (2014), "Handbook of Inter-Rater Reliability", 4th ed., ch. 2–3, which
 * handle units rated by different numbers of raters; Krippendorff's alpha follows Krippendorff (2011).
 */
final class CoefficientEstimator implements WeightedEstimator {
    /** Index of the first per-category kappa in {@link #estimate}'s result. */
    static final int METRICS = Metric.values().length;

    private final UnitStatistics s;
    private final double weightTotal;
    private final CategoryCounts categories;

    CoefficientEstimator(UnitStatistics statistics, AgreementWeights weights) {
        this.s = statistics;
        this.weightTotal = weights.total();
        this.categories = CategoryCounts.of(statistics);
    }

    /** The binary variables whose kappas follow the metrics in {@link #estimate}'s result. */
    CategoryCounts categories() {
        return categories;
    }

    /**
     * Estimates indexed by {@link Metric#ordinal()}, then the kappa of each category (each option for sets)
     * at {@code METRICS + j}; NaN where undefined or not applicable.
     */
    @Override
    public double[] estimate(int[] multiplicity) {
        return estimate(multiplicity, new CategorySums(categories));
    }

    /**
     * {@link #estimate(int[])}, filling {@code categorySums} on the way. The per-category sums ride along
     * in this walk over the units, written out here rather than in a method of their own: a walk of their
     * own, or a call per unit, costs several times as much.
     */
    double[] estimate(int[] multiplicity, CategorySums categorySums) {
        int q = s.categories;
        int r = s.raters;
        int[] unitStart = s.table.unitStart;
        int[] raterOf = s.table.raterOf;
        int[] categoryOf = s.table.categoryOf;
        boolean ordinal = s.fixedDistance == null;

        double units = 0;
        double pairableUnits = 0;
        double agreementSum = 0;
        double disagreementSum = 0;
        double[] share = new double[q];
        double[] pairableCounts = new double[q];
        double[] raterCounts = new double[r * q];
        double[] coincidence = ordinal ? new double[q * q] : null;
        double[] pairCells = s.firstRaterCategory != null ? new double[q * q] : null;
        int[] categoryStart = categories.start;
        int[] categoryVariable = categories.variable;
        int[] categoryCount = categories.count;
        double[] categoryShare = categorySums.share;
        double[] categoryDisagreement = categorySums.disagreement;

        for (int u = 0; u < s.units; u++) {
            int weight = multiplicity == null ? 1 : multiplicity[u];
            if (weight == 0) {
                continue;
            }
            int m = s.size[u];
            int from = s.countStart[u];
            int to = s.countStart[u + 1];
            units += weight;
            double shareScale = (double) weight / m;
            double pairScale = m >= 2 ? 2.0 * weight / ((double) m * (m - 1)) : 0;
            for (int e = categoryStart[u]; e < categoryStart[u + 1]; e++) {
                int x = categoryCount[e];
                categoryShare[categoryVariable[e]] += shareScale * x;
                categoryDisagreement[categoryVariable[e]] += pairScale * x * (m - x);
            }
            for (int e = from; e < to; e++) {
                share[s.countCategory[e]] += (double) weight * s.countValue[e] / m;
            }
            if (m >= 2) {
                pairableUnits += weight;
                agreementSum += weight * s.agreement[u];
                disagreementSum += weight * s.disagreement[u];
                for (int e = from; e < to; e++) {
                    pairableCounts[s.countCategory[e]] += (double) weight * s.countValue[e];
                }
                if (ordinal) {
                    addCoincidences(coincidence, from, to, m, weight);
                }
            }
            for (int j = unitStart[u]; j < unitStart[u + 1]; j++) {
                raterCounts[raterOf[j] * q + categoryOf[j]] += weight;
            }
            if (pairCells != null) {
                int a = s.firstRaterCategory[u];
                int b = s.secondRaterCategory[u];
                if (a >= 0 && b >= 0) {
                    pairCells[a * q + b] += weight;
                }
            }
        }

        double[] result = new double[METRICS + categorySums.variables()];
        java.util.Arrays.fill(result, Double.NaN);
        categorySums.setUnits(units, pairableUnits);
        for (int j = 0; j < categorySums.variables(); j++) {
            result[METRICS + j] = categorySums.kappa(j);
        }
        double pa = pairableUnits > 0 ? agreementSum / pairableUnits : Double.NaN;
        for (int k = 0; k < q; k++) {
            share[k] /= units;
        }
        result[Metric.PERCENT_AGREEMENT.ordinal()] = pa;
        result[Metric.FLEISS_KAPPA.ordinal()] = Coefficients.chanceCorrected(pa, fleissChance(share));
        result[Metric.GWET_AC.ordinal()] = Coefficients.chanceCorrected(pa, gwetChance(share));
        result[Metric.BRENNAN_PREDIGER.ordinal()] = Coefficients.chanceCorrected(pa, brennanPredigerChance());
        result[Metric.CONGER_KAPPA.ordinal()] = Coefficients.chanceCorrected(pa, congerChance(raterCounts));
        double[][] distance = ordinal ? KrippendorffDistance.ordinal(pairableCounts) : s.fixedDistance;
        double observed = ordinal ? sum(coincidence, distance) : disagreementSum;
        result[Metric.KRIPPENDORFF_ALPHA.ordinal()] = krippendorffAlpha(observed, pairableCounts, distance);
        if (pairCells != null) {
            PairedRatings pair = new PairedRatings(pairCells, q);
            result[Metric.COHEN_KAPPA.ordinal()] = pair.cohenKappa(s.weights);
            result[Metric.SCOTT_PI.ordinal()] = pair.scottPi(s.weights);
        }
        return result;
    }

    /** o_ck += n_uc n_uk / (m_u − 1) for c ≠ k; the diagonal has zero distance and is not needed. */
    private void addCoincidences(double[] coincidence, int from, int to, int m, int weight) {
        int q = s.categories;
        double scale = (double) weight / (m - 1);
        for (int e = from; e < to; e++) {
            for (int f = from; f < to; f++) {
                if (e != f) {
                    coincidence[s.countCategory[e] * q + s.countCategory[f]] += (double) s.countValue[e] * s.countValue[f] * scale;
                }
            }
        }
    }

    private double sum(double[] coincidence, double[][] distance) {
        int q = s.categories;
        double total = 0;
        for (int c = 0; c < q; c++) {
            for (int k = 0; k < q; k++) {
                total += coincidence[c * q + k] * distance[c][k];
            }
        }
        return total;
    }

    /** Fleiss (1971), generalised to varying raters per unit: p_e = Σ_kl w(k,l) π_k π_l. */
    private double fleissChance(double[] share) {
        double pe = 0;
        for (int k = 0; k < share.length; k++) {
            for (int l = 0; l < share.length; l++) {
                pe += s.weights[k][l] * share[k] * share[l];
            }
        }
        return pe;
    }

    /** Gwet (2008): p_e = T_w / (q(q − 1)) Σ_k π_k (1 − π_k); undefined with fewer than two categories. */
    private double gwetChance(double[] share) {
        int q = share.length;
        if (q < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (double p : share) {
            sum += p * (1 - p);
        }
        return weightTotal * sum / ((double) q * (q - 1));
    }

    /** Brennan &amp; Prediger (1981): p_e = T_w / q². */
    private double brennanPredigerChance() {
        int q = s.categories;
        return weightTotal / ((double) q * q);
    }

    /**
     * Conger (1980) as in Gwet (2014, eq. 2.36): with p_gk the share of rater g's ratings in category k,
     * p_e = Σ_kl w(k,l) (p̄_k p̄_l − s²_kl / r), s²_kl the covariance of p_gk and p_gl across raters.
     */
    private double congerChance(double[] raterCounts) {
        int q = s.categories;
        int r = s.raters;
        double[] p = new double[r * q];
        double[] mean = new double[q];
        for (int g = 0; g < r; g++) {
            double rated = 0;
            for (int k = 0; k < q; k++) {
                rated += raterCounts[g * q + k];
            }
            if (rated == 0) {
                return Double.NaN;
            }
            for (int k = 0; k < q; k++) {
                p[g * q + k] = raterCounts[g * q + k] / rated;
                mean[k] += p[g * q + k] / r;
            }
        }
        double pe = 0;
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                if (s.weights[k][l] == 0) {
                    continue;
                }
                double cross = 0;
                for (int g = 0; g < r; g++) {
                    cross += p[g * q + k] * p[g * q + l];
                }
                double covariance = (cross - r * mean[k] * mean[l]) / (r - 1);
                pe += s.weights[k][l] * (mean[k] * mean[l] - covariance / r);
            }
        }
        return pe;
    }

    /** α = 1 − D_o / D_e with D_o = Σ o_ck δ²_ck / n.., D_e = Σ n_c n_k δ²_ck / (n..(n.. − 1)). */
    private static double krippendorffAlpha(double observedSum, double[] counts, double[][] distance) {
        int q = counts.length;
        double n = 0;
        for (double c : counts) {
            n += c;
        }
        if (n < 2) {
            return Double.NaN;
        }
        double expectedSum = 0;
        for (int c = 0; c < q; c++) {
            for (int k = 0; k < q; k++) {
                expectedSum += counts[c] * counts[k] * distance[c][k];
            }
        }
        double expected = expectedSum / (n * (n - 1));
        if (expected <= Coefficients.DEGENERATE * Math.max(1, maxDistance(distance))) {
            return Double.NaN;
        }
        return 1 - (observedSum / n) / expected;
    }

    private static double maxDistance(double[][] distance) {
        double max = 0;
        for (double[] row : distance) {
            for (double d : row) {
                max = Math.max(max, d);
            }
        }
        return max;
    }
}
