package org.refusalworkbench.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.refusalworkbench.agreement.AgreementReport;
import org.refusalworkbench.agreement.MeasurementLevel;
import org.refusalworkbench.agreement.RatingTable;
import org.refusalworkbench.agreement.ReportOptions;

/**
 * Agreement engine cost without I/O: all headline coefficients and their analytic standard errors on
 * 1,000,000 units × 5 raters × 10 categories, and a 1,000-resample bootstrap on 100,000 units.
 * Run by bench/agreement-bench.sh.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class AgreementBenchmark {

    @State(Scope.Benchmark)
    public static class Ratings {
        @Param({"1000000"})
        int units;

        RatingTable table;

        @Setup(Level.Trial)
        public void build() {
            table = synthetic(units, 5, 10, 1);
        }
    }

    @State(Scope.Benchmark)
    public static class BootstrapRatings {
        @Param({"100000"})
        int units;

        RatingTable table;

        @Setup(Level.Trial)
        public void build() {
            table = synthetic(units, 5, 10, 2);
        }
    }

    /** Same distribution as bench/GenerateRatings.java: each rating is the unit's true category with probability 0.7. */
    static RatingTable synthetic(int units, int raters, int categories, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RatingTable.Builder builder = RatingTable.builder(MeasurementLevel.NOMINAL);
        for (int u = 0; u < units; u++) {
            int truth = random.nextInt(categories);
            for (int g = 0; g < raters; g++) {
                int value = random.nextDouble() < 0.7 ? truth : random.nextInt(categories);
                builder.add("u" + u, "r" + g, "c" + value);
            }
        }
        return builder.build();
    }

    @Benchmark
    public AgreementReport allCoefficientsWithStandardErrors(Ratings ratings) {
        return AgreementReport.compute(ratings.table, ReportOptions.defaults().withBootstrap(0));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public AgreementReport bootstrap1000Resamples(BootstrapRatings ratings) {
        return AgreementReport.compute(ratings.table, ReportOptions.defaults().withBootstrap(1000).withSeed(1));
    }
}
