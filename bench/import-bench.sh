#!/usr/bin/env bash
# Import benchmark: our importer against the sqlite3 shell on the same generated rows.
#   bench/import-bench.sh [ROWS]        (default 1,000,000; needs python3, sqlite3, /usr/bin/time)
# Prints wall time, CPU time and peak memory of each run; the Java heap is capped at 256 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
out=bench/out
mkdir -p "$out"
[ -f target/refusal-workbench.jar ] || mvn -B -q -DskipTests package

if [ ! -f "$out/responses-$rows.jsonl" ]; then
    python3 bench/generate_responses.py "$rows" "$out/responses-$rows.jsonl" "$out/responses-$rows.csv"
fi
jsonl="$out/responses-$rows.jsonl"
csv="$out/responses-$rows.csv"
echo "rows: $rows; JSONL $(du -m "$jsonl" | cut -f1) MB ($(( $(stat -c %s "$jsonl") / rows )) bytes a line); CSV $(du -m "$csv" | cut -f1) MB"

# Each run starts with the disk's write-back done (sync), so no run pays for the previous one's writes.
measure() {
    local label=$1; shift
    sync
    /usr/bin/time -f "$label: %e s wall, %U s user, %S s sys, peak RSS %M KB" "$@" >/dev/null
}

rm -f "$out"/ours.db* "$out"/flat.db* "$out"/normalised.db*
java -jar target/refusal-workbench.jar init "$out/ours.db" >/dev/null
measure "refusal-workbench import (-Xmx256m)" java -Xmx256m -jar target/refusal-workbench.jar import "$out/ours.db" "$jsonl"
java -jar target/refusal-workbench.jar stats "$out/ours.db" --json

# Yardstick 1: the sqlite3 shell's own CSV import into one flat table (no ids, no indexes, no grouping).
measure "sqlite3 .import into a flat table" sqlite3 "$out/flat.db" \
    "CREATE TABLE staging (prompt_id TEXT, prompt TEXT, category TEXT, prompt_label TEXT, model TEXT, sample INTEGER, response TEXT);" \
    ".import --csv --skip 1 $csv staging"

# Yardstick 2: the same shell producing our normalised schema (prompts grouped, unique ids, the same indexes),
# starting from the CSV: what SQLite itself needs for the work our importer does.
{
    echo "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -524288;"
    sed -n '/^CREATE TABLE prompt /,/^CREATE INDEX response_model/p' src/main/resources/org/refusalworkbench/db/V1__init.sql
    echo "CREATE TEMP TABLE staging (prompt_id TEXT, prompt TEXT, category TEXT, prompt_label TEXT, model TEXT, sample INTEGER, response TEXT);"
    echo ".import --csv --skip 1 $csv staging"
    echo "BEGIN;"
    echo "INSERT INTO prompt (uid, external_id, text, category, safety) SELECT randomblob(16), prompt_id, prompt, category, prompt_label FROM staging GROUP BY prompt_id;"
    echo "CREATE TEMP TABLE prompt_ids AS SELECT external_id, id FROM prompt; CREATE INDEX temp.prompt_ids_ext ON prompt_ids (external_id);"
    echo "INSERT INTO response (uid, prompt_id, model, sample, text) SELECT randomblob(16), p.id, s.model, s.sample, s.response FROM staging s JOIN prompt_ids p ON p.external_id = s.prompt_id ON CONFLICT (uid) DO NOTHING;"
    echo "COMMIT;"
} > "$out/normalised.sql"
measure "sqlite3 .import + normalise into our schema" sqlite3 "$out/normalised.db" < "$out/normalised.sql"
