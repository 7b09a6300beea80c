package org.refusalworkbench.domain;

/**
 * One message of a multi-turn transcript.
 *
 * @param name the speaker's or tool's name where a chat dataset gives one; left out of the stored JSON when absent,
 *             (stored only when given, so that the content ids of transcripts without names stay what they were)
 */
public record Turn(String role, String content, String name) {

    public Turn(String role, String content) {
        this(role, content, null);
    }

    public boolean isUser() {
        return "user".equals(role);
    }
}
