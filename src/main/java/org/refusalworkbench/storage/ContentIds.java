package org.refusalworkbench.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable ids from content: the same prompt or response gets the same id on every workstation, whatever order the
 * files were imported in. 128 bits of SHA-256 keep the index small with no realistic chance of collision.
 */
public final class ContentIds {

    private ContentIds() {
    }

    public static byte[] promptUid(String externalId, String text) {
        return externalId != null && !externalId.isBlank() ? hash("prompt-id", externalId) : hash("prompt-text", text);
    }

    /** {@code content} is the response text, or the canonical JSON of its transcript. */
    public static byte[] responseUid(byte[] promptUid, String model, int sample, String content) {
        return hash("response", hex(promptUid), model, Integer.toString(sample), content);
    }

    /** The form ids take in files and on screen. */
    public static String hex(byte[] uid) {
        return HexFormat.of().formatHex(uid);
    }

    public static byte[] parseHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] hash(String... parts) {
        MessageDigest digest = sha256();
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return java.util.Arrays.copyOf(digest.digest(), 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
