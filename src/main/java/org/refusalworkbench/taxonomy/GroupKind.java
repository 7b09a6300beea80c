package org.refusalworkbench.taxonomy;

/** Single choice (radio buttons, a nominal variable) or multiple choice (checkboxes, a set). */
public enum GroupKind {
    SINGLE, MULTIPLE
}
