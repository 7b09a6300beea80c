-- Prompts and responses keep their content ids unique through named indexes instead of column constraints, so an
-- import into an empty project can drop them and build each once at the end (one sort) instead of inserting a
-- million random keys one by one. SQLite cannot drop a column constraint, so both tables are rebuilt as its
-- documentation describes ("Making Other Kinds Of Table Schema Changes"); the migration runner turns foreign keys
-- off around it and checks them before committing.
CREATE TABLE prompt_v2 (
    id           INTEGER PRIMARY KEY,
    uid          BLOB    NOT NULL,
    external_id  TEXT,
    text         TEXT    NOT NULL,
    category     TEXT,
    safety       TEXT    NOT NULL DEFAULT 'unknown' CHECK (safety IN ('safe', 'unsafe', 'unknown')),
    meta_json    TEXT
);
INSERT INTO prompt_v2 (id, uid, external_id, text, category, safety, meta_json)
    SELECT id, uid, external_id, text, category, safety, meta_json FROM prompt;
DROP TABLE prompt;
ALTER TABLE prompt_v2 RENAME TO prompt;
CREATE UNIQUE INDEX prompt_uid ON prompt (uid);
CREATE INDEX prompt_category ON prompt (category);
CREATE INDEX prompt_safety ON prompt (safety);

CREATE TABLE response_v2 (
    id               INTEGER PRIMARY KEY,
    uid              BLOB    NOT NULL,
    prompt_id        INTEGER NOT NULL REFERENCES prompt (id),
    external_id      TEXT,
    model            TEXT    NOT NULL,
    sample           INTEGER NOT NULL DEFAULT 1,
    text             TEXT,
    transcript_json  TEXT,
    meta_json        TEXT,
    CHECK ((text IS NULL) <> (transcript_json IS NULL))
);
INSERT INTO response_v2 (id, uid, prompt_id, external_id, model, sample, text, transcript_json, meta_json)
    SELECT id, uid, prompt_id, external_id, model, sample, text, transcript_json, meta_json FROM response;
DROP TABLE response;
ALTER TABLE response_v2 RENAME TO response;
CREATE UNIQUE INDEX response_uid ON response (uid);
CREATE INDEX response_prompt ON response (prompt_id);
CREATE INDEX response_model ON response (model, prompt_id);
