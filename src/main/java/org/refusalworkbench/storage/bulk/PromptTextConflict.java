package org.refusalworkbench.storage.bulk;

/** A prompt id already names a prompt with another text: a mistake in the file, not a new prompt. */
public final class PromptTextConflict extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    PromptTextConflict(String file, long line, String promptExternalId) {
        super("prompt_id '" + promptExternalId + "' is already used for a different prompt text");
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
