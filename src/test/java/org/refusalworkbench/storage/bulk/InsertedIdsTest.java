package org.refusalworkbench.storage.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class InsertedIdsTest {

    /** Checked against a HashMap on random 16-byte ids, through several growths of the table. */
    @Test
    void findsWhatWasAddedAndNothingElseLikeAHashMap() {
        SplittableRandom random = new SplittableRandom(7);
        InsertedIds ids = new InsertedIds(InsertedIds.DEFAULT_CAPACITY_LIMIT);
        Map<ByteBuffer, Long> expected = new HashMap<>();
        for (long rowId = 1; rowId <= 50_000; rowId++) {
            byte[] uid = randomUid(random);
            ids.add(uid, rowId);
            expected.put(ByteBuffer.wrap(uid), rowId);
        }
        for (Map.Entry<ByteBuffer, Long> entry : expected.entrySet()) {
            assertThat(ids.rowIdOf(entry.getKey().array())).isEqualTo(entry.getValue());
        }
        for (int i = 0; i < 50_000; i++) {
            byte[] other = randomUid(random);
            assertThat(ids.rowIdOf(other)).isEqualTo(expected.getOrDefault(ByteBuffer.wrap(other), 0L));
        }
        assertThat(ids.size()).isEqualTo(50_000);
    }

    /** Ids that share their leading eight bytes land in the same slot and must still be told apart. */
    @Test
    void idsThatDifferOnlyInTheirLastBytesAreDistinct() {
        InsertedIds ids = new InsertedIds(100);
        byte[] first = ByteBuffer.allocate(16).putLong(42).putLong(1).array();
        byte[] second = ByteBuffer.allocate(16).putLong(42).putLong(2).array();
        ids.add(first, 10);

        assertThat(ids.rowIdOf(second)).isZero();
        ids.add(second, 11);
        assertThat(ids.rowIdOf(first)).isEqualTo(10);
        assertThat(ids.rowIdOf(second)).isEqualTo(11);
    }

    @Test
    void isFullAtItsLimit() {
        SplittableRandom random = new SplittableRandom(1);
        InsertedIds ids = new InsertedIds(3);
        ids.add(randomUid(random), 1);
        ids.add(randomUid(random), 2);
        assertThat(ids.isFull()).isFalse();
        ids.add(randomUid(random), 3);
        assertThat(ids.isFull()).isTrue();
    }

    private static byte[] randomUid(SplittableRandom random) {
        byte[] uid = new byte[16];
        random.nextBytes(uid);
        return uid;
    }
}
