#!/usr/bin/env bash
# Label export and merge benchmark, with the sqlite3 shell's own JSON output of the same rows as the yardstick.
#   bench/labels-bench.sh [RESPONSES] [ANNOTATORS]   (default 250,000 x 4 = 1,000,000 labels)
# Needs python3, sqlite3 and /usr/bin/time. The Java heap is capped at 256 MB, well below the size of the files,
# so a run that finishes shows that export and merge stream. Prints wall time, CPU time and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
responses=${1:-250000}
annotators=${2:-4}
labels=$((responses * annotators))
out=bench/out
mkdir -p "$out"
[ -f target/refusal-workbench.jar ] || mvn -B -q -DskipTests package
rw=(java -Xmx256m -jar target/refusal-workbench.jar)

labelled="$out/labelled-$responses-$annotators.jsonl"
bare="$out/bare-$responses.jsonl"
if [ ! -f "$labelled" ]; then
    python3 bench/generate_labels.py "$responses" "$annotators" "$labelled" "$bare"
fi

measure() {
    local label=$1; shift
    /usr/bin/time -f "$label: %e s wall, %U s user, %S s sys, peak RSS %M KB" "$@"
}

# Set-up, not measured: one project holding the labels (the labelers' work) and one holding only the responses
# (the lead's project before any merge).
rm -f "$out"/source.db* "$out"/lead.db*
"${rw[@]}" init "$out/source.db" >/dev/null
"${rw[@]}" import "$out/source.db" "$labelled" >/dev/null
"${rw[@]}" init "$out/lead.db" >/dev/null
"${rw[@]}" import "$out/lead.db" "$bare" >/dev/null
echo "labels: $labels ($responses responses x $annotators annotators)"

measure "refusal-workbench export --format jsonl (-Xmx256m)" "${rw[@]}" export "$out/source.db" -o "$out/labels.jsonl" 2>&1
echo "label file: $(du -m "$out/labels.jsonl" | cut -f1) MB, $(wc -l < "$out/labels.jsonl") lines"

# Yardstick: the sqlite3 shell writing the same rows (same joins, selections, order) in its own JSON mode.
query="SELECT lower(hex(r.uid)) AS response_id, lower(hex(p.uid)) AS prompt_id, r.model, r.sample,
  a.name AS annotator,
  (SELECT group_concat(s.group_id || '.' || s.option_id, ',') FROM label_selection s WHERE s.label_id = l.id)
    AS selections, l.note, l.created_at, l.updated_at, l.seconds_spent
FROM label l JOIN response r ON r.id = l.response_id JOIN prompt p ON p.id = r.prompt_id
JOIN annotator a ON a.id = l.annotator_id ORDER BY r.uid, a.name;"
measure "sqlite3 -json, same rows" sqlite3 -readonly -json "$out/source.db" "$query" > "$out/sqlite3.json"
echo "sqlite3 output: $(du -m "$out/sqlite3.json" | cut -f1) MB"

measure "refusal-workbench export --format csv (-Xmx256m)" "${rw[@]}" export "$out/source.db" --format csv -o "$out/labels.csv" 2>&1

measure "refusal-workbench merge into the lead's project (-Xmx256m)" "${rw[@]}" merge "$out/lead.db" "$out/labels.jsonl"
measure "refusal-workbench merge again (nothing changes) (-Xmx256m)" "${rw[@]}" merge "$out/lead.db" "$out/labels.jsonl"

# Round trip: the lead's export holds the same records as the labelers' (the header's times and project aside).
"${rw[@]}" export "$out/lead.db" -o "$out/labels-again.jsonl" 2>/dev/null
if cmp -s <(tail -n +2 "$out/labels.jsonl") <(tail -n +2 "$out/labels-again.jsonl"); then
    echo "round trip: identical records"
else
    echo "round trip: RECORDS DIFFER"; exit 1
fi
