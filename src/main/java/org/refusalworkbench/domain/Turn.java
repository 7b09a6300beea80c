package org.refusalworkbench.domain;

/** One message of a multi-turn transcript. */
public record Turn(String role, String content) {
    public boolean isUser() {
        return "user".equals(role);
    }
}
