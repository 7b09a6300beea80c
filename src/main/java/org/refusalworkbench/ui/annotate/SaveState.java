package org.refusalworkbench.ui.annotate;

/** Whether everything shown on screen is on disk. */
public enum SaveState {
    SAVED("All changes saved"),
    SAVING("Saving…"),
    FAILED("NOT SAVED");

    private final String text;

    SaveState(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
