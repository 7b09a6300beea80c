#!/usr/bin/env bash
# Parquet import against JSON Lines import of the same generated rows, alternating, two runs each.
#   bench/parquet-import-bench.sh [ROWS]     (default 1,000,000)
# Needs a python3 with pyarrow for writing the Parquet file: PYTHON=path/to/python (default: the venv that
# .ci/consumers/run.sh makes). Prints wall time, CPU time and peak memory; the Java heap is capped at 256 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
python=${PYTHON:-target/consumers/venv/bin/python}
out=bench/out
mkdir -p "$out"
[ -f target/refusal-workbench.jar ] || mvn -B -q -DskipTests package

jsonl="$out/responses-$rows.jsonl"
parquet="$out/responses-$rows.parquet"
if [ ! -f "$jsonl" ]; then
    python3 bench/generate_responses.py "$rows" "$jsonl" "$out/responses-$rows.csv"
fi
if [ ! -f "$parquet" ]; then
    # As datasets writes it: pyarrow's defaults (Snappy pages, row groups of up to a million rows).
    "$python" -c "import pyarrow.json as j, pyarrow.parquet as p, sys; p.write_table(j.read_json(sys.argv[1]), sys.argv[2])" \
        "$jsonl" "$parquet"
fi
echo "rows: $rows; JSONL $(du -m "$jsonl" | cut -f1) MB; Parquet $(du -m "$parquet" | cut -f1) MB"

measure() {
    local label=$1; shift
    sync
    /usr/bin/time -f "$label: %e s wall, %U s user, %S s sys, peak RSS %M KB" "$@" >/dev/null
}

for run in 1 2; do
    for container in jsonl parquet; do
        rm -f "$out"/bench-$container.db*
        java -jar target/refusal-workbench.jar init "$out/bench-$container.db" >/dev/null
        file=$jsonl
        [ "$container" = parquet ] && file=$parquet
        measure "run $run, $container (-Xmx256m)" java -Xmx256m -jar target/refusal-workbench.jar import \
            "$out/bench-$container.db" "$file"
    done
done
java -jar target/refusal-workbench.jar stats "$out/bench-parquet.db" --json
measure "yardstick: pyarrow reads the Parquet file into Python rows" "$python" -c \
    "import pyarrow.parquet as p, sys; rows = p.read_table(sys.argv[1]).to_pylist(); print(len(rows))" "$parquet"
