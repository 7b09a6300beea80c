package org.refusalworkbench.taxonomy;

/** Whether a group is judged once per prompt (user intent) or once per response. */
public enum GroupLevel {
    PROMPT, RESPONSE
}
