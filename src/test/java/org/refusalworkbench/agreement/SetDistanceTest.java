package org.refusalworkbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Passonneau, R. (2006). Measuring agreement on set-valued items (MASI) for semantic and pragmatic annotation. LREC. */
class SetDistanceTest {
    private static final int[] AB = {0, 1};
    private static final int[] ABCD = {0, 1, 2, 3};
    private static final int[] CDE = {2, 3, 4};
    private static final int[] EF = {4, 5};

    @Test
    void identicalSetsIncludingEmptyOnesAreAtDistanceZero() {
        assertThat(SetDistance.MASI.between(AB, new int[] {0, 1})).isZero();
        assertThat(SetDistance.MASI.between(new int[0], new int[0])).isZero();
        assertThat(SetDistance.JACCARD.between(new int[0], new int[0])).isZero();
    }

    @Test
    @DisplayName("subset: 1 - J x 2/3; Jaccard {a,b} vs {a,b,c,d} = 1/2")
    void subsetUsesTwoThirds() {
        assertThat(SetDistance.MASI.between(AB, ABCD)).isCloseTo(1 - 0.5 * 2 / 3.0, within(1e-15));
        assertThat(SetDistance.JACCARD.between(AB, ABCD)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    @DisplayName("overlap without inclusion: 1 - J x 1/3; {a,b,c,d} vs {c,d,e}: J = 2/5")
    void overlapUsesOneThird() {
        assertThat(SetDistance.MASI.between(ABCD, CDE)).isCloseTo(1 - 0.4 / 3, within(1e-15));
        assertThat(SetDistance.JACCARD.between(ABCD, CDE)).isCloseTo(0.6, within(1e-15));
    }

    @Test
    void disjointSetsAreAtDistanceOne() {
        assertThat(SetDistance.MASI.between(AB, EF)).isEqualTo(1.0);
        assertThat(SetDistance.MASI.between(new int[0], AB)).isEqualTo(1.0);
    }
}
