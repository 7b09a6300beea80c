package org.refusalworkbench.labelfile;

/** A record of a label file after its header: a person's judgement, or a judge's verdict. */
public sealed interface LabelFileRecord permits JudgementRecord, JudgeRecord {

    /** The file's line the record is on. */
    long line();
}
