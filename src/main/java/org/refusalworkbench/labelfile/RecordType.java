package org.refusalworkbench.labelfile;

import org.refusalworkbench.storage.LabelKind;
import org.refusalworkbench.taxonomy.GroupLevel;

/** The judgement records of a label file, as named in its {@code record} field. */
public enum RecordType {
    LABEL("label", LabelKind.RESPONSE_LABEL, GroupLevel.RESPONSE, "annotator", "selections", "note"),
    INTENT("intent", LabelKind.PROMPT_LABEL, GroupLevel.PROMPT, "annotator", "selections", "intent_note"),
    ADJUDICATION("adjudication", LabelKind.ADJUDICATION, GroupLevel.RESPONSE, "reviewer", "gold", "reason");

    final String wireName;
    final LabelKind kind;
    final GroupLevel level;
    final String personField;
    final String selectionsField;
    final String textField;

    RecordType(String wireName, LabelKind kind, GroupLevel level, String personField, String selectionsField,
               String textField) {
        this.wireName = wireName;
        this.kind = kind;
        this.level = level;
        this.personField = personField;
        this.selectionsField = selectionsField;
        this.textField = textField;
    }

    public String wireName() {
        return wireName;
    }

    boolean belongsToResponse() {
        return this != INTENT;
    }

    static RecordType of(LabelKind kind) {
        for (RecordType type : values()) {
            if (type.kind == kind) {
                return type;
            }
        }
        throw new IllegalArgumentException(kind.name());
    }

    static RecordType fromWire(String name) {
        for (RecordType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
