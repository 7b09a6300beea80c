package org.refusalworkbench.agreement;

/**
 * Analytic standard errors by Gwet's linearisation (Gwet 2008; Gwet 2014, ch. 5): each coefficient is
 * written as a mean of per-unit terms x_i and var = Σ (x_i − estimate)² / (n (n − 1)), with no finite
 * population correction. Cohen's kappa uses Fleiss, Cohen &amp; Everitt (1969); see {@link PairedRatings}.
 * Krippendorff's alpha on ordinal data has no closed form here (its distance depends on the data):
 * only the bootstrap interval is given.
 */
final class StandardErrors {
    private final UnitStatistics s;
    private final double[][] w;
    private final double weightTotal;
    private final double n;
    private final double pairableUnits;
    private final double[] share;

    StandardErrors(UnitStatistics statistics, AgreementWeights weights) {
        this.s = statistics;
        this.w = statistics.weights;
        this.weightTotal = weights.total();
        this.n = statistics.units;
        this.share = new double[statistics.categories];
        double pairable = 0;
        for (int u = 0; u < statistics.units; u++) {
            if (statistics.size[u] >= 2) {
                pairable++;
            }
            for (int e = statistics.countStart[u]; e < statistics.countStart[u + 1]; e++) {
                share[statistics.countCategory[e]] += (double) statistics.countValue[e] / statistics.size[u] / n;
            }
        }
        this.pairableUnits = pairable;
    }

    /** Standard errors indexed by {@link Metric#ordinal()}, NaN where none is available. */
    double[] compute(double[] estimates) {
        double[] se = new double[Metric.values().length];
        java.util.Arrays.fill(se, Double.NaN);
        if (n < 2 || pairableUnits == 0) {
            return se;
        }
        double pa = estimates[Metric.PERCENT_AGREEMENT.ordinal()];
        se[Metric.PERCENT_AGREEMENT.ordinal()] = percentAgreement(pa);
        se[Metric.FLEISS_KAPPA.ordinal()] = fleiss(estimates[Metric.FLEISS_KAPPA.ordinal()]);
        se[Metric.GWET_AC.ordinal()] = gwet(estimates[Metric.GWET_AC.ordinal()]);
        se[Metric.BRENNAN_PREDIGER.ordinal()] = brennanPrediger(estimates[Metric.BRENNAN_PREDIGER.ordinal()]);
        se[Metric.CONGER_KAPPA.ordinal()] = conger(estimates[Metric.CONGER_KAPPA.ordinal()]);
        if (s.fixedDistance != null) {
            se[Metric.KRIPPENDORFF_ALPHA.ordinal()] = krippendorff(estimates[Metric.KRIPPENDORFF_ALPHA.ordinal()]);
        }
        if (s.firstRaterCategory != null) {
            PairedRatings pair = PairedRatings.of(s.table, 0, 1);
            se[Metric.COHEN_KAPPA.ordinal()] = pair.cohenStandardError(w);
            se[Metric.SCOTT_PI.ordinal()] = pair.scottStandardError(w);
        }
        return se;
    }

    private double percentAgreement(double pa) {
        double sum = 0;
        for (int u = 0; u < s.units; u++) {
            double x = n / pairableUnits * s.agreement[u];
            sum += (x - pa) * (x - pa);
        }
        return Math.sqrt(sum / (n * (n - 1)));
    }

    /** Per-unit term of a coefficient whose chance agreement does not depend on the sample. */
    private double unitTerm(int u, double pe) {
        return chanceCorrectedTerm(n, pairableUnits, s.agreement[u], s.size[u] >= 2, pe);
    }

    /** κ_i = (n/n')(p_a,i − p_e [r_i ≥ 2])/(1 − p_e): unit i's share of a chance-corrected coefficient. */
    static double chanceCorrectedTerm(double units, double pairableUnits, double unitAgreement, boolean pairable,
                                      double pe) {
        double indicator = pairable ? 1 : 0;
        return units / pairableUnits * (unitAgreement - pe * indicator) / (1 - pe);
    }

    /**
     * Gwet's linearised term of unit i for a coefficient whose chance agreement depends on the sample's
     * marginals: x_i = κ_i − 2(1 − κ)(p_e,i − p_e)/(1 − p_e). The variance is Σ_i (x_i − κ)² / (n(n − 1)).
     */
    static double linearisedTerm(double units, double pairableUnits, double unitAgreement, boolean pairable,
                                 double unitChance, double pe, double estimate) {
        return chanceCorrectedTerm(units, pairableUnits, unitAgreement, pairable, pe)
                - 2 * (1 - estimate) * (unitChance - pe) / (1 - pe);
    }

    private double brennanPrediger(double bp) {
        if (Double.isNaN(bp)) {
            return Double.NaN;
        }
        double pe = weightTotal / ((double) s.categories * s.categories);
        double sum = 0;
        for (int u = 0; u < s.units; u++) {
            double x = unitTerm(u, pe);
            sum += (x - bp) * (x - bp);
        }
        return Math.sqrt(sum / (n * (n - 1)));
    }

    private double fleiss(double kappa) {
        if (Double.isNaN(kappa)) {
            return Double.NaN;
        }
        double pe = 0;
        for (int k = 0; k < share.length; k++) {
            for (int l = 0; l < share.length; l++) {
                pe += w[k][l] * share[k] * share[l];
            }
        }
        double[] symmetric = Coefficients.symmetricWeightedMarginals(w, share);
        return linearised(kappa, pe, symmetric, 1.0);
    }

    private double gwet(double ac) {
        if (Double.isNaN(ac)) {
            return Double.NaN;
        }
        int q = share.length;
        double sum = 0;
        double[] complement = new double[q];
        for (int k = 0; k < q; k++) {
            sum += share[k] * (1 - share[k]);
            complement[k] = 1 - share[k];
        }
        double scale = weightTotal / ((double) q * (q - 1));
        return linearised(ac, scale * sum, complement, scale);
    }

    /** Σ_i (x_i − κ)² / (n(n − 1)) over {@link #linearisedTerm} with p_e,i = scale · Σ_k (r_ik / r_i) v_k. */
    private double linearised(double estimate, double pe, double[] v, double scale) {
        double sum = 0;
        for (int u = 0; u < s.units; u++) {
            double unitChance = 0;
            for (int e = s.countStart[u]; e < s.countStart[u + 1]; e++) {
                unitChance += (double) s.countValue[e] / s.size[u] * v[s.countCategory[e]];
            }
            unitChance *= scale;
            double x = linearisedTerm(n, pairableUnits, s.agreement[u], s.size[u] >= 2, unitChance, pe, estimate);
            sum += (x - estimate) * (x - estimate);
        }
        return Math.sqrt(sum / (n * (n - 1)));
    }

    /**
     * Conger's kappa variance (Gwet 2014, ch. 5): the per-unit chance term is
     * p_e,i = Σ_g λ_ig / (r(r − 1)), λ_ig = Σ_k A_igk (r p̄_k − p_gk), with
     * A_igk = (n/n_g) Σ_l w(k,l) (δ_igl − (ε_ig − n_g/n) p_gl); δ_igl marks rating l, ε_ig any rating.
     */
    private double conger(double kappa) {
        if (Double.isNaN(kappa)) {
            return Double.NaN;
        }
        int q = s.categories;
        int r = s.raters;
        double[][] p = new double[r][q];
        double[] rated = new double[r];
        RatingTable t = s.table;
        for (int j = 0; j < t.ratingCount(); j++) {
            p[t.raterOf[j]][t.categoryOf[j]]++;
            rated[t.raterOf[j]]++;
        }
        double[] mean = new double[q];
        for (int g = 0; g < r; g++) {
            for (int k = 0; k < q; k++) {
                p[g][k] /= rated[g];
                mean[k] += p[g][k] / r;
            }
        }
        double pe = 0;
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                double cross = 0;
                for (int g = 0; g < r; g++) {
                    cross += p[g][k] * p[g][l];
                }
                pe += w[k][l] * (mean[k] * mean[l] - (cross - r * mean[k] * mean[l]) / (r - 1) / r);
            }
        }
        double[] absent = new double[r];
        double[][] present = new double[r][q];
        double absentTotal = 0;
        for (int g = 0; g < r; g++) {
            double[] weighted = new double[q];
            for (int k = 0; k < q; k++) {
                for (int l = 0; l < q; l++) {
                    weighted[k] += w[k][l] * p[g][l];
                }
            }
            double scale = n / rated[g];
            for (int k = 0; k < q; k++) {
                double centre = r * mean[k] - p[g][k];
                absent[g] += weighted[k] * centre;
                for (int c = 0; c < q; c++) {
                    present[g][c] += (scale * w[k][c] - (scale - 1) * weighted[k]) * centre;
                }
            }
            absentTotal += absent[g];
        }
        double sum = 0;
        for (int u = 0; u < s.units; u++) {
            double lambda = absentTotal;
            for (int j = t.unitStart[u]; j < t.unitStart[u + 1]; j++) {
                int g = t.raterOf[j];
                lambda += present[g][t.categoryOf[j]] - absent[g];
            }
            double unitChance = lambda / ((double) r * (r - 1));
            double x = linearisedTerm(n, pairableUnits, s.agreement[u], s.size[u] >= 2, unitChance, pe, kappa);
            sum += (x - kappa) * (x - kappa);
        }
        return Math.sqrt(sum / (n * (n - 1)));
    }

    /**
     * Gwet's (2014, ch. 5) variance of Krippendorff's alpha over the n' pairable units, with agreement
     * weights w = 1 − δ²/max δ², r̄ the mean ratings per pairable unit and α' = (p'_a − p_e)/(1 − p_e).
     */
    private double krippendorff(double alpha) {
        if (Double.isNaN(alpha) || pairableUnits < 2) {
            return Double.NaN;
        }
        int q = s.categories;
        double maxDistance = 0;
        for (double[] row : s.fixedDistance) {
            for (double d : row) {
                maxDistance = Math.max(maxDistance, d);
            }
        }
        double[][] alphaWeights = new double[q][q];
        for (int c = 0; c < q; c++) {
            for (int k = 0; k < q; k++) {
                alphaWeights[c][k] = 1 - s.fixedDistance[c][k] / maxDistance;
            }
        }
        double ratings = 0;
        double[] counts = new double[q];
        for (int u = 0; u < s.units; u++) {
            if (s.size[u] >= 2) {
                ratings += s.size[u];
                for (int e = s.countStart[u]; e < s.countStart[u + 1]; e++) {
                    counts[s.countCategory[e]] += s.countValue[e];
                }
            }
        }
        double meanRatings = ratings / pairableUnits;
        double[] pi = new double[q];
        for (int k = 0; k < q; k++) {
            pi[k] = counts[k] / ratings;
        }
        double pe = 0;
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                pe += alphaWeights[k][l] * pi[k] * pi[l];
            }
        }
        double paPrime = 0;
        for (int u = 0; u < s.units; u++) {
            if (s.size[u] >= 2) {
                paPrime += alphaAgreement(u, maxDistance, meanRatings) / pairableUnits;
            }
        }
        double epsilon = 1 / ratings;
        double pa = (1 - epsilon) * paPrime + epsilon;
        double alphaPrime = (paPrime - pe) / (1 - pe);
        double[] symmetric = Coefficients.symmetricWeightedMarginals(alphaWeights, pi);
        double sum = 0;
        for (int u = 0; u < s.units; u++) {
            int m = s.size[u];
            if (m < 2) {
                continue;
            }
            double spread = (m - meanRatings) / meanRatings;
            double unitAgreement = alphaAgreement(u, maxDistance, meanRatings) - pa * spread;
            double unitChance = -pe * spread;
            for (int e = s.countStart[u]; e < s.countStart[u + 1]; e++) {
                unitChance += s.countValue[e] * symmetric[s.countCategory[e]] / meanRatings;
            }
            double x = (unitAgreement - pe) / (1 - pe) - 2 * (1 - alphaPrime) * (unitChance - pe) / (1 - pe);
            sum += (x - alphaPrime) * (x - alphaPrime);
        }
        return Math.sqrt(sum / (pairableUnits * (pairableUnits - 1)));
    }

    /**
     * Σ_k r_ik (r*_ik − 1) / (r̄ (r_i − 1)) under the alpha weights. With r*_ik = r_i − Σ_l δ²_kl r_il / max δ²
     * and the unit's disagreement term D_i = Σ n_c n_k δ² / (r_i − 1) it reduces to (r_i − D_i / max δ²) / r̄.
     */
    private double alphaAgreement(int u, double maxDistance, double meanRatings) {
        return (s.size[u] - s.disagreement[u] / maxDistance) / meanRatings;
    }
}
