-- Which reviewer has looked at which response's gold label and stood by it (saved it, changed or not). Over gold
-- that came in with an import, this is how a reviewer tracks what they have checked; the gold itself stays in
-- adjudication, and its every change in change_log.
CREATE TABLE IF NOT EXISTS gold_review (
    response_id  INTEGER NOT NULL REFERENCES response (id),
    reviewer_id  INTEGER NOT NULL REFERENCES annotator (id),
    reviewed_at  TEXT    NOT NULL,
    PRIMARY KEY (reviewer_id, response_id)
) WITHOUT ROWID;
