package org.refusalworkbench.storage.bulk;

import java.nio.ByteBuffer;

/**
 * The content ids of one table an import has inserted, with their row ids, for as long as the table's unique index
 * on content ids is deferred ({@link DeferredIndexes}): it catches a prompt or response repeated within the import. Open addressing over one long array (two longs of id,
 * one of row id per slot, at most half full): a million entries take 48 MB, where a map of byte-array keys and boxed values would take
 * well over twice that. Content ids are SHA-256 prefixes, so their leading bits are already uniformly spread.
 */
final class InsertedIds {

    /** At this many entries (a table of 2^21 slots, 48 MB) the import builds the unique index and asks SQLite. */
    static final int DEFAULT_CAPACITY_LIMIT = 1 << 20;

    private static final int LONGS_PER_SLOT = 3;

    private final int capacityLimit;
    private long[] table = new long[(1 << 12) * LONGS_PER_SLOT];
    private int mask = (1 << 12) - 1;
    private int size;

    InsertedIds(int capacityLimit) {
        this.capacityLimit = capacityLimit;
    }

    /** The row id recorded for {@code uid}, or 0 if there is none (row ids start at 1). */
    long rowIdOf(byte[] uid) {
        ByteBuffer key = ByteBuffer.wrap(uid);
        long high = key.getLong(0);
        long low = key.getLong(8);
        for (int slot = slotOf(high); ; slot = (slot + 1) & mask) {
            int at = slot * LONGS_PER_SLOT;
            if (table[at + 2] == 0) {
                return 0;
            }
            if (table[at] == high && table[at + 1] == low) {
                return table[at + 2];
            }
        }
    }

    /** Records a new content id; the caller has checked it is absent. */
    void add(byte[] uid, long rowId) {
        if (rowId <= 0) {
            throw new IllegalArgumentException("row ids start at 1");
        }
        ByteBuffer key = ByteBuffer.wrap(uid);
        insert(key.getLong(0), key.getLong(8), rowId);
        size++;
        if (size * 2L > mask + 1L) {
            grow();
        }
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size >= capacityLimit;
    }

    private void insert(long high, long low, long rowId) {
        int slot = slotOf(high);
        while (table[slot * LONGS_PER_SLOT + 2] != 0) {
            slot = (slot + 1) & mask;
        }
        int at = slot * LONGS_PER_SLOT;
        table[at] = high;
        table[at + 1] = low;
        table[at + 2] = rowId;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = mask * 2 + 1;
        for (int at = 0; at < old.length; at += LONGS_PER_SLOT) {
            if (old[at + 2] != 0) {
                insert(old[at], old[at + 1], old[at + 2]);
            }
        }
    }

    private int slotOf(long high) {
        return (int) (high ^ (high >>> 32)) & mask;
    }
}
