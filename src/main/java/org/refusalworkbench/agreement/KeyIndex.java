package org.refusalworkbench.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * Dense indices for string keys, in first-seen order. Open addressing over parallel arrays: no entry
 * objects and no boxed integers, which matters with a million unit keys (a HashMap spends most of a
 * large file's load time chasing its nodes).
 */
final class KeyIndex {
    private final List<String> keys = new ArrayList<>();
    private int[] slots = new int[1 << 10]; // key index + 1; 0 = empty
    private int[] hashes = new int[1 << 10];
    private int mask = slots.length - 1;

    /** Index of the key, adding it if new. */
    int indexOf(String key) {
        int hash = mix(key.hashCode());
        int slot = hash & mask;
        while (slots[slot] != 0) {
            if (hashes[slot] == hash && keys.get(slots[slot] - 1).equals(key)) {
                return slots[slot] - 1;
            }
            slot = (slot + 1) & mask;
        }
        keys.add(key);
        slots[slot] = keys.size();
        hashes[slot] = hash;
        if (keys.size() * 2 > slots.length) {
            grow();
        }
        return keys.size() - 1;
    }

    List<String> keys() {
        return keys;
    }

    int size() {
        return keys.size();
    }

    private void grow() {
        int[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new int[oldSlots.length * 2];
        hashes = new int[oldSlots.length * 2];
        mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) {
                int slot = oldHashes[i] & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = oldSlots[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    /** Spreads String.hashCode, whose low bits are poor for keys like "u123456". */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
