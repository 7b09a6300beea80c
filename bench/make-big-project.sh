#!/usr/bin/env bash
# Builds a large project for the scale benchmarks: RESPONSES responses (5 models per prompt) with labels from five
# annotators on every response and an intent label per prompt.
#   bench/make-big-project.sh [RESPONSES] [FILE]     (default 1,000,000 and bench/out/big-RESPONSES.db)
# The schema comes from the app's own `init`; the rows are generated inside SQLite, which is far faster than
# importing five million labels one transaction at a time and produces the same tables.
set -euo pipefail
cd "$(dirname "$0")/.."
responses=${1:-1000000}
file=${2:-bench/out/big-$responses.db}
mkdir -p "$(dirname "$file")"
[ -f target/refusal-workbench.jar ] || mvn -B -q -DskipTests package
rm -f "$file" "$file-wal" "$file-shm"
java -jar target/refusal-workbench.jar init "$file" >/dev/null
prompts=$(( responses / 5 ))
sqlite3 "$file" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1000000;
BEGIN;
INSERT INTO annotator (id, name, created_at)
  VALUES (1, 'annotator-1', '2026-01-01T00:00:00Z'), (2, 'annotator-2', '2026-01-01T00:00:00Z'),
         (3, 'annotator-3', '2026-01-01T00:00:00Z'), (4, 'annotator-4', '2026-01-01T00:00:00Z'),
         (5, 'annotator-5', '2026-01-01T00:00:00Z');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $prompts)
INSERT INTO prompt (id, uid, external_id, text, category, safety)
  SELECT i, randomblob(16), 'gen-' || i,
         'Generated prompt ' || i || ': how would you explain ' || (i % 97) || ' to someone new to the topic?',
         'category-' || (i % 12), CASE WHEN i % 5 = 0 THEN 'unsafe' ELSE 'safe' END FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $responses)
INSERT INTO response (id, uid, prompt_id, model, sample, text)
  SELECT i, randomblob(16), (i - 1) / 5 + 1, 'model-' || ((i - 1) % 5 + 1), 1,
         CASE WHEN i % 3 = 0 THEN 'I cannot help with that request, but I can point you to published research.'
              ELSE 'Here is a short explanation of the topic, step by step, with an example and a caveat. ' || i END
    FROM n;
INSERT INTO label (id, response_id, annotator_id, note, created_at, updated_at)
  SELECT (r.id - 1) * 5 + a.id, r.id, a.id, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
    FROM response r CROSS JOIN annotator a;
INSERT INTO label_selection (label_id, group_id, option_id)
  SELECT l.id, 'response_type',
         CASE WHEN (l.response_id + l.annotator_id * (l.response_id % 7 = 0)) % 3 = 0 THEN 'full_refusal'
              WHEN (l.response_id + l.annotator_id) % 11 = 0 THEN 'partial_refusal' ELSE 'full_compliance' END
    FROM label l;
INSERT INTO label_selection (label_id, group_id, option_id)
  SELECT l.id, 'failure_modes', 'exaggerated_refusal' FROM label l WHERE l.response_id % 9 = 0 AND l.annotator_id <> 2;
INSERT INTO prompt_label (id, prompt_id, annotator_id, intent_note, created_at, updated_at)
  SELECT (p.id - 1) * 5 + a.id, p.id, a.id, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
    FROM prompt p CROSS JOIN annotator a;
INSERT INTO prompt_label_selection (prompt_label_id, group_id, option_id)
  SELECT id, 'user_intent', CASE WHEN prompt_id % 5 = 0 THEN 'harmful' ELSE 'benign' END FROM prompt_label;
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
java -jar target/refusal-workbench.jar stats "$file"
ls -la "$file"
