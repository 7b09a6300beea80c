package org.refusalworkbench.storage;

/**
 * The three kinds of judgement share one shape (a row per person and target, plus its chosen options), so one
 * piece of code writes all of them; this enum names their tables.
 */
public enum LabelKind {
    RESPONSE_LABEL("label", "label_selection", "label_id", "response_id", "annotator_id", "note"),
    PROMPT_LABEL("prompt_label", "prompt_label_selection", "prompt_label_id", "prompt_id", "annotator_id",
            "intent_note"),
    ADJUDICATION("adjudication", "adjudication_selection", "adjudication_id", "response_id", "reviewer_id", "reason");

    final String table;
    final String selectionTable;
    final String selectionKey;
    final String targetColumn;
    final String personColumn;
    final String textColumn;

    LabelKind(String table, String selectionTable, String selectionKey, String targetColumn, String personColumn,
              String textColumn) {
        this.table = table;
        this.selectionTable = selectionTable;
        this.selectionKey = selectionKey;
        this.targetColumn = targetColumn;
        this.personColumn = personColumn;
        this.textColumn = textColumn;
    }

    /** The change-log target name, as stored. */
    String logTarget() {
        return table;
    }

    boolean targetsPrompt() {
        return this == PROMPT_LABEL;
    }

    /** Adjudications are one per response whoever the reviewer is; labels are one per person. */
    boolean onePerTarget() {
        return this == ADJUDICATION;
    }
}
