package org.refusalworkbench.ui.annotate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The column order in blind mode: a shuffle seeded by annotator and prompt, so each annotator sees the same order
 * every time they return to a prompt, different annotators see different orders, and no model always sits first.
 */
final class BlindOrder {

    private BlindOrder() {
    }

    static <T> List<T> shuffle(List<T> items, String annotator, String promptUid) {
        List<T> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(seed(annotator + "\u0000" + promptUid)));
        return shuffled;
    }

    /** "Response A" … "Response Z", then "Response AA" for very wide prompts. */
    static String name(int index) {
        StringBuilder letters = new StringBuilder();
        int value = index;
        do {
            letters.insert(0, (char) ('A' + value % 26));
            value = value / 26 - 1;
        } while (value >= 0);
        return "Response " + letters;
    }

    /** A hash rather than String.hashCode so the order is fixed by definition, not by a JDK detail. */
    private static long seed(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = seed << 8 | (digest[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
