package org.refusalworkbench.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.refusalworkbench.agreement.PythonReference;

class McNemarTest {

    /** Discordant counts from the smallest to a million pairs, balanced and lopsided. */
    private static final long[][] CASES = {
        {0, 0}, {0, 1}, {1, 0}, {1, 1}, {0, 5}, {3, 7}, {7, 3}, {10, 10}, {12, 30}, {25, 26}, {40, 60},
        {100, 140}, {450, 500}, {999, 1001}, {700, 1400}, {5000, 5210}, {20000, 20300}, {400000, 401000},
        {1, 2000}, {530, 560}, {1074, 1076}, {3000, 3001},
    };

    @Test
    void exactPAndMidPMatchStatsmodelsAndScipy() {
        StringBuilder input = new StringBuilder();
        for (long[] c : CASES) {
            input.append(c[0]).append(' ').append(c[1]).append('\n');
        }
        String script = """
                import sys
                from scipy.stats import binom
                from statsmodels.stats.contingency_tables import mcnemar
                for i, line in enumerate(sys.stdin):
                    b, c = map(int, line.split())
                    table = [[0, b], [c, 0]]
                    exact = mcnemar(table, exact=True).pvalue
                    n, k = b + c, min(b, c)
                    mid = min(1.0, 2 * binom.cdf(k, n, 0.5) - binom.pmf(k, n, 0.5)) if n else 1.0
                    print(f"exact{i} {exact!r}")
                    print(f"mid{i} {mid!r}")
                """;
        Map<String, Double> reference = PythonReference.run("statsmodels", script, input.toString());
        for (int i = 0; i < CASES.length; i++) {
            McNemar test = McNemar.test(CASES[i][0], CASES[i][1]);
            assertThat(test.exactP()).as("exact p for %s", List.of(CASES[i][0], CASES[i][1]))
                    .isCloseTo(reference.get("exact" + i), within(1e-12));
            assertThat(test.midP()).as("mid-p for %s", List.of(CASES[i][0], CASES[i][1]))
                    .isCloseTo(reference.get("mid" + i), within(1e-12));
        }
    }

    @Test
    void exactPMatchesExactRationalArithmetic() {
        List<long[]> cases = new ArrayList<>();
        for (long[] c : CASES) {
            if (c[0] + c[1] <= 3000) {
                cases.add(c);
            }
        }
        for (long[] c : cases) {
            long n = c[0] + c[1];
            long k = Math.min(c[0], c[1]);
            BigDecimal tail = exactLowerTail(k, n);
            BigDecimal point = new BigDecimal(choose(n, k)).divide(new BigDecimal(BigInteger.TWO.pow((int) n)),
                    MathContext.DECIMAL128);
            double exact = Math.min(1, tail.multiply(BigDecimal.valueOf(2)).doubleValue());
            double mid = Math.min(1, tail.multiply(BigDecimal.valueOf(2)).subtract(point).doubleValue());
            McNemar test = McNemar.test(c[0], c[1]);
            assertThat(test.exactP()).as("exact p for %s, %s", c[0], c[1]).isCloseTo(exact, within(1e-13));
            assertThat(test.midP()).as("mid-p for %s, %s", c[0], c[1]).isCloseTo(mid, within(1e-13));
        }
    }

    @Test
    void aHandWorkedTable() {
        // b = 2, c = 8: P(X ≤ 2) for Binomial(10, ½) = (1 + 10 + 45) / 1024 = 56/1024; P(X = 2) = 45/1024.
        McNemar test = McNemar.test(2, 8);
        assertThat(test.exactP()).isCloseTo(112.0 / 1024, within(1e-15));
        assertThat(test.midP()).isCloseTo(67.0 / 1024, within(1e-15));
        assertThat(McNemar.test(0, 0).exactP()).isEqualTo(1.0);
        assertThat(McNemar.test(5, 5).midP()).isCloseTo(1.0, within(1e-15));
    }

    private static BigDecimal exactLowerTail(long k, long n) {
        BigInteger sum = BigInteger.ZERO;
        BigInteger term = BigInteger.ONE;
        for (long j = 0; j <= k; j++) {
            sum = sum.add(term);
            term = term.multiply(BigInteger.valueOf(n - j)).divide(BigInteger.valueOf(j + 1));
        }
        return new BigDecimal(sum).divide(new BigDecimal(BigInteger.TWO.pow((int) n)), MathContext.DECIMAL128);
    }

    private static BigInteger choose(long n, long k) {
        BigInteger value = BigInteger.ONE;
        for (long j = 0; j < k; j++) {
            value = value.multiply(BigInteger.valueOf(n - j)).divide(BigInteger.valueOf(j + 1));
        }
        return value;
    }
}
