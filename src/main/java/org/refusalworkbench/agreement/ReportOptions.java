package org.refusalworkbench.agreement;

import java.util.Objects;

/**
 * How to compute an {@link AgreementReport}. Defaults: 1,000 bootstrap resamples, seed 1, MASI for sets,
 * the level's own weights.
 *
 * @param bootstrapResamples 0 disables the bootstrap
 * @param seed               seed of the bootstrap; equal seeds give equal intervals on any machine
 * @param setDistance        distance between sets (level {@link MeasurementLevel#SET} only)
 * @param weights            weights for the kappa family; see {@link WeightScheme}
 */
public record ReportOptions(int bootstrapResamples, long seed, SetDistance setDistance, WeightScheme weights) {

    public ReportOptions {
        if (bootstrapResamples < 0) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 0");
        }
        Objects.requireNonNull(setDistance, "setDistance");
        Objects.requireNonNull(weights, "weights");
    }

    public static ReportOptions defaults() {
        return new ReportOptions(1000, 1L, SetDistance.MASI, WeightScheme.LEVEL);
    }

    public ReportOptions withBootstrap(int resamples) {
        return new ReportOptions(resamples, seed, setDistance, weights);
    }

    public ReportOptions withSeed(long newSeed) {
        return new ReportOptions(bootstrapResamples, newSeed, setDistance, weights);
    }

    public ReportOptions withSetDistance(SetDistance distance) {
        return new ReportOptions(bootstrapResamples, seed, distance, weights);
    }

    public ReportOptions withWeights(WeightScheme scheme) {
        return new ReportOptions(bootstrapResamples, seed, setDistance, scheme);
    }

    /** Which agreement weights the kappa family (weighted kappa, AC2, weighted percent agreement) uses. */
    public enum WeightScheme {
        /** {@link AgreementWeights#forLevel}: identity, linear on ranks, quadratic, ratio, or 1 − set distance. */
        LEVEL,
        IDENTITY,
        LINEAR,
        QUADRATIC;

        AgreementWeights build(RatingTable table, SetDistance setDistance) {
            switch (this) {
                case IDENTITY:
                    return AgreementWeights.identity(table.categoryCount());
                case LINEAR:
                    return AgreementWeights.linear(table);
                case QUADRATIC:
                    return AgreementWeights.quadratic(table);
                default:
                    return AgreementWeights.forLevel(table, setDistance);
            }
        }
    }
}
