package org.refusalworkbench.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.refusalworkbench.agreement.PythonReference;

class MultipleTestingTest {

    @Test
    void holmAndBenjaminiHochbergMatchStatsmodels() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] families = new double[12][];
        for (int f = 0; f < families.length; f++) {
            int m = 1 + random.nextInt(f < 6 ? 5 : 40);
            families[f] = new double[m];
            for (int i = 0; i < m; i++) {
                // Small p-values, ties and ones, as categories give them.
                double u = random.nextDouble();
                families[f][i] = i % 7 == 3 ? families[f][0] : u < 0.2 ? 1.0 : Math.pow(u, 4);
            }
        }
        StringBuilder input = new StringBuilder();
        for (double[] family : families) {
            for (double p : family) {
                input.append(Double.toString(p)).append(' ');
            }
            input.append('\n');
        }
        String script = """
                import sys
                from statsmodels.stats.multitest import multipletests
                for f, line in enumerate(sys.stdin):
                    p = [float(x) for x in line.split()]
                    holm = multipletests(p, method='holm')[1]
                    bh = multipletests(p, method='fdr_bh')[1]
                    for i in range(len(p)):
                        print(f"holm{f}_{i} {holm[i]!r}")
                        print(f"bh{f}_{i} {bh[i]!r}")
                """;
        Map<String, Double> reference = PythonReference.run("statsmodels", script, input.toString());
        for (int f = 0; f < families.length; f++) {
            double[] holm = MultipleTesting.holm(families[f]);
            double[] bh = MultipleTesting.benjaminiHochberg(families[f]);
            for (int i = 0; i < families[f].length; i++) {
                assertThat(holm[i]).as("Holm %d/%d", f, i).isCloseTo(reference.get("holm" + f + "_" + i),
                        within(1e-12));
                assertThat(bh[i]).as("BH %d/%d", f, i).isCloseTo(reference.get("bh" + f + "_" + i),
                        within(1e-12));
            }
        }
    }

    @Test
    void handWorkedFamily() {
        double[] p = {0.01, 0.04, 0.03, 0.20};
        // Holm: sorted 0.01, 0.03, 0.04, 0.20 times 4, 3, 2, 1 → 0.04, 0.09, 0.08→0.09, 0.20.
        assertThat(MultipleTesting.holm(p)).containsExactly(new double[] {0.04, 0.09, 0.09, 0.20}, within(1e-15));
        // BH: 0.20·4/4 = 0.2; 0.04·4/3 = 0.0533; 0.03·4/2 = 0.06 → 0.0533; 0.01·4/1 = 0.04.
        assertThat(MultipleTesting.benjaminiHochberg(p)).containsExactly(
                new double[] {0.04, 0.16 / 3, 0.16 / 3, 0.20}, within(1e-15));
    }

    @Test
    void missingPValuesTakeNoPart() {
        double[] holm = MultipleTesting.holm(new double[] {0.01, Double.NaN, 0.02});
        assertThat(holm[0]).isCloseTo(0.02, within(1e-15));
        assertThat(holm[1]).isNaN();
        assertThat(holm[2]).isCloseTo(0.02, within(1e-15));
        assertThatThrownBy(() -> MultipleTesting.holm(new double[] {1.5})).isInstanceOf(IllegalArgumentException.class);
    }
}
