package org.refusalworkbench.agreement;

/**
 * Contingency table of two raters over the units both rated (row = first rater, column = second),
 * with Cohen's (1960, 1968) kappa, Scott's (1955) pi and their standard errors. Units either rater
 * left unrated are not in the table.
 */
final class PairedRatings {
    private final double[] cells;
    private final int q;
    private final double total;

    PairedRatings(double[] cells, int q) {
        this.cells = cells;
        this.q = q;
        double sum = 0;
        for (double c : cells) {
            sum += c;
        }
        this.total = sum;
    }

    static PairedRatings of(RatingTable table, int first, int second) {
        int q = table.categoryCount();
        double[] cells = new double[q * q];
        for (int u = 0; u < table.unitCount(); u++) {
            int a = table.categoryOf(u, first);
            int b = table.categoryOf(u, second);
            if (a >= 0 && b >= 0) {
                cells[a * q + b]++;
            }
        }
        return new PairedRatings(cells, q);
    }

    double total() {
        return total;
    }

    double count(int row, int column) {
        return cells[row * q + column];
    }

    double percentAgreement(double[][] w) {
        if (total == 0) {
            return Double.NaN;
        }
        double pa = 0;
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                pa += w[k][l] * cells[k * q + l];
            }
        }
        return pa / total;
    }

    /** Weighted kappa: (p_a − p_e) / (1 − p_e) with p_e = Σ w(k,l) p_k. p_.l. */
    double cohenKappa(double[][] w) {
        return Coefficients.chanceCorrected(percentAgreement(w), cohenChance(w));
    }

    /** Scott's pi: chance agreement from the pooled marginals π_k = (p_k. + p_.k) / 2. */
    double scottPi(double[][] w) {
        return Coefficients.chanceCorrected(percentAgreement(w), scottChance(w));
    }

    private double cohenChance(double[][] w) {
        double[] rows = rowMarginals();
        double[] columns = columnMarginals();
        double pe = 0;
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                pe += w[k][l] * rows[k] * columns[l];
            }
        }
        return pe;
    }

    private double scottChance(double[][] w) {
        double[] pooled = pooledMarginals();
        double pe = 0;
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                pe += w[k][l] * pooled[k] * pooled[l];
            }
        }
        return pe;
    }

    /**
     * Large-sample standard error of (weighted) kappa, Fleiss, Cohen &amp; Everitt (1969):
     * var = [Σ p_kl (w_kl − (w̄_k. + w̄_.l)(1 − κ))² − (κ − p_e(1 − κ))²] / (n (1 − p_e)²).
     */
    double cohenStandardError(double[][] w) {
        double kappa = cohenKappa(w);
        if (Double.isNaN(kappa) || total < 2) {
            return Double.NaN;
        }
        double pe = cohenChance(w);
        double[] rows = rowMarginals();
        double[] columns = columnMarginals();
        double[] rowMean = new double[q];
        double[] columnMean = new double[q];
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                rowMean[k] += columns[l] * w[k][l];
                columnMean[l] += rows[k] * w[k][l];
            }
        }
        double sum = 0;
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                double p = cells[k * q + l] / total;
                double term = w[k][l] - (rowMean[k] + columnMean[l]) * (1 - kappa);
                sum += p * term * term;
            }
        }
        double correction = kappa - pe * (1 - kappa);
        double variance = (sum - correction * correction) / (total * (1 - pe) * (1 - pe));
        return Math.sqrt(Math.max(variance, 0));
    }

    /**
     * Gwet's (2014, ch. 5) linearised variance of Scott's pi: the Fleiss-kappa variance with two ratings per unit,
     * var = Σ_i (x_i − π)² / (n (n − 1)), x_i = π_i − 2(1 − π)(p_e,i − p_e)/(1 − p_e).
     */
    double scottStandardError(double[][] w) {
        double pi = scottPi(w);
        if (Double.isNaN(pi) || total < 2) {
            return Double.NaN;
        }
        double pe = scottChance(w);
        double[] pooled = pooledMarginals();
        double[] symmetric = Coefficients.symmetricWeightedMarginals(w, pooled);
        double sum = 0;
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                double count = cells[k * q + l];
                if (count == 0) {
                    continue;
                }
                double unitAgreement = (w[k][l] + w[l][k]) / 2;
                double unitChance = (symmetric[k] + symmetric[l]) / 2;
                double x = (unitAgreement - pe) / (1 - pe) - 2 * (1 - pi) * (unitChance - pe) / (1 - pe);
                sum += count * (x - pi) * (x - pi);
            }
        }
        return Math.sqrt(sum / (total * (total - 1)));
    }

    private double[] rowMarginals() {
        double[] rows = new double[q];
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                rows[k] += cells[k * q + l] / total;
            }
        }
        return rows;
    }

    private double[] columnMarginals() {
        double[] columns = new double[q];
        for (int k = 0; k < q; k++) {
            for (int l = 0; l < q; l++) {
                columns[l] += cells[k * q + l] / total;
            }
        }
        return columns;
    }

    private double[] pooledMarginals() {
        double[] rows = rowMarginals();
        double[] columns = columnMarginals();
        double[] pooled = new double[q];
        for (int k = 0; k < q; k++) {
            pooled[k] = (rows[k] + columns[k]) / 2;
        }
        return pooled;
    }
}
