-- Project schema, version 1. Integer row ids keep joins small; uid columns are 16-byte content hashes that stay
-- the same on every workstation and are what label files refer to (as hex). Blobs rather than hex text halve the
-- size of their unique indexes, which dominate the cost of a bulk import.

CREATE TABLE project (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    uid          TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    app_version  TEXT    NOT NULL
);

CREATE TABLE taxonomy (
    id            INTEGER PRIMARY KEY,
    taxonomy_id   TEXT    NOT NULL,
    version       TEXT    NOT NULL,
    content_hash  TEXT    NOT NULL UNIQUE,
    json          TEXT    NOT NULL,
    added_at      TEXT    NOT NULL
);

CREATE TABLE prompt (
    id           INTEGER PRIMARY KEY,
    uid          BLOB    NOT NULL UNIQUE,
    external_id  TEXT,
    text         TEXT    NOT NULL,
    category     TEXT,
    safety       TEXT    NOT NULL DEFAULT 'unknown' CHECK (safety IN ('safe', 'unsafe', 'unknown')),
    meta_json    TEXT
);
CREATE INDEX prompt_category ON prompt (category);
CREATE INDEX prompt_safety ON prompt (safety);

CREATE TABLE response (
    id               INTEGER PRIMARY KEY,
    uid              BLOB    NOT NULL UNIQUE,
    prompt_id        INTEGER NOT NULL REFERENCES prompt (id),
    external_id      TEXT,
    model            TEXT    NOT NULL,
    sample           INTEGER NOT NULL DEFAULT 1,
    text             TEXT,
    transcript_json  TEXT,
    meta_json        TEXT,
    CHECK ((text IS NULL) <> (transcript_json IS NULL))
);
CREATE INDEX response_prompt ON response (prompt_id);
CREATE INDEX response_model ON response (model, prompt_id);

CREATE TABLE annotator (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    created_at  TEXT    NOT NULL
);

-- One annotator's judgement of one response; the chosen options live in label_selection.
CREATE TABLE label (
    id             INTEGER PRIMARY KEY,
    response_id    INTEGER NOT NULL REFERENCES response (id),
    annotator_id   INTEGER NOT NULL REFERENCES annotator (id),
    note           TEXT,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    seconds_spent  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (response_id, annotator_id)
);
CREATE INDEX label_annotator ON label (annotator_id, response_id);

CREATE TABLE label_selection (
    label_id   INTEGER NOT NULL REFERENCES label (id) ON DELETE CASCADE,
    group_id   TEXT    NOT NULL,
    option_id  TEXT    NOT NULL,
    PRIMARY KEY (label_id, group_id, option_id)
) WITHOUT ROWID;
CREATE INDEX label_selection_option ON label_selection (group_id, option_id);

-- Prompt-level judgement: the inferred user intent and the free-text intent note.
CREATE TABLE prompt_label (
    id            INTEGER PRIMARY KEY,
    prompt_id     INTEGER NOT NULL REFERENCES prompt (id),
    annotator_id  INTEGER NOT NULL REFERENCES annotator (id),
    intent_note   TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    UNIQUE (prompt_id, annotator_id)
);
CREATE INDEX prompt_label_annotator ON prompt_label (annotator_id, prompt_id);

CREATE TABLE prompt_label_selection (
    prompt_label_id  INTEGER NOT NULL REFERENCES prompt_label (id) ON DELETE CASCADE,
    group_id         TEXT    NOT NULL,
    option_id        TEXT    NOT NULL,
    PRIMARY KEY (prompt_label_id, group_id, option_id)
) WITHOUT ROWID;

-- A prompt an annotator has marked as finished.
CREATE TABLE prompt_done (
    prompt_id     INTEGER NOT NULL REFERENCES prompt (id),
    annotator_id  INTEGER NOT NULL REFERENCES annotator (id),
    done_at       TEXT    NOT NULL,
    PRIMARY KEY (annotator_id, prompt_id)
) WITHOUT ROWID;

-- Gold labels: a reviewer's decision, stored apart from every annotator's own label.
CREATE TABLE adjudication (
    id           INTEGER PRIMARY KEY,
    response_id  INTEGER NOT NULL UNIQUE REFERENCES response (id),
    reviewer_id  INTEGER NOT NULL REFERENCES annotator (id),
    reason       TEXT,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);

CREATE TABLE adjudication_selection (
    adjudication_id  INTEGER NOT NULL REFERENCES adjudication (id) ON DELETE CASCADE,
    group_id         TEXT    NOT NULL,
    option_id        TEXT    NOT NULL,
    PRIMARY KEY (adjudication_id, group_id, option_id)
) WITHOUT ROWID;

-- Every edit of a label, intent note or adjudication: who, what, when. Backs undo and audits.
CREATE TABLE change_log (
    id            INTEGER PRIMARY KEY,
    at            TEXT    NOT NULL,
    annotator_id  INTEGER NOT NULL REFERENCES annotator (id),
    target        TEXT    NOT NULL CHECK (target IN ('label', 'prompt_label', 'adjudication')),
    response_id   INTEGER REFERENCES response (id),
    prompt_id     INTEGER REFERENCES prompt (id),
    action        TEXT    NOT NULL,
    group_id      TEXT,
    option_id     TEXT,
    old_value     TEXT,
    new_value     TEXT,
    source        TEXT    NOT NULL DEFAULT 'app'
);
CREATE INDEX change_log_response ON change_log (response_id);
CREATE INDEX change_log_annotator ON change_log (annotator_id, at);
