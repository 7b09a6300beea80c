-- Automatic judges (an LLM with a grading prompt, a classifier, a keyword rule) and their labels. They are kept
-- apart from the annotators' labels and from gold, so no judge reaches the labelling view, the annotators'
-- agreement or the majorities. A judge is a name and a version: a changed grading prompt is another version.
CREATE TABLE IF NOT EXISTS judge (
    id       INTEGER PRIMARY KEY,
    name     TEXT    NOT NULL,
    version  TEXT    NOT NULL,
    UNIQUE (name, version)
);
-- One judge's verdict on one response: the raw output as the judge gave it, and whether it parsed into options of
-- the taxonomy. An unparsed output keeps its raw text and has no selections; it is counted, never guessed.
CREATE TABLE IF NOT EXISTS judge_label (
    id           INTEGER PRIMARY KEY,
    response_id  INTEGER NOT NULL REFERENCES response (id),
    judge_id     INTEGER NOT NULL REFERENCES judge (id),
    raw          TEXT,
    parsed       INTEGER NOT NULL CHECK (parsed IN (0, 1)),
    created_at   TEXT    NOT NULL,
    UNIQUE (response_id, judge_id)
);
CREATE INDEX IF NOT EXISTS judge_label_judge ON judge_label (judge_id, response_id);
CREATE TABLE IF NOT EXISTS judge_selection (
    judge_label_id  INTEGER NOT NULL REFERENCES judge_label (id) ON DELETE CASCADE,
    group_id        TEXT    NOT NULL,
    option_id       TEXT    NOT NULL,
    PRIMARY KEY (judge_label_id, group_id, option_id)
) WITHOUT ROWID;
