-- Settings a project lead makes for everyone who labels the project, kept in the project file so they travel with
-- it: one row per setting that differs from its default.
CREATE TABLE IF NOT EXISTS project_setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
