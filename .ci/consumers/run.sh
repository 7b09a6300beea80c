#!/usr/bin/env bash
# The exports as pipelines consume them: a virtual environment with datasets, pyarrow, pandas, jsonschema and TRL
# (without torch: its data utilities are enough), then check_exports.py on the demo project and on an XSTest
# project built from the repository's test data. Run after `mvn -B verify` (it uses the packaged jar).
set -euo pipefail
cd "$(dirname "$0")/../.."

jar=target/refusal-workbench.jar
work=target/consumers
venv=$work/venv
rm -rf "$work/projects" "$work/out"
mkdir -p "$work/projects" "$work/out"

if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c "import datasets, pyarrow, pandas, jsonschema, trl, tokenizers, transformers, jinja2" 2>/dev/null; then
    rm -rf "$venv"
    /usr/bin/python3 -m venv "$venv"
    "$venv/bin/pip" install -q --retries 1 datasets pyarrow pandas jsonschema transformers tokenizers jinja2
    # TRL's data utilities need neither torch nor its trainers' dependencies.
    "$venv/bin/pip" install -q --retries 1 --no-deps trl
fi

rw() {
    REFUSAL_WORKBENCH_DATA=$work/projects java -jar "$jar" "$@"
}

demo=$(rw demo 2>/dev/null | tail -1)
xstest=$work/projects/xstest.db
rw init "$xstest" >/dev/null
rw import "$xstest" src/test/resources/data/xstest/xstest_v2_completions_*.csv >/dev/null

for project in "$demo" "$xstest"; do
    name=$(basename "$project" .db)
    out=$work/out/$name
    mkdir -p "$out"
    # A judge first, so the exports carry judge rows as consumers will meet them.
    rw judge "$project" --method xstest-strmatch >/dev/null
    rw export "$project" -o "$out/label-file.jsonl" 2>/dev/null
    for format in preference trl-dpo trl-kto label-table; do
        rw export "$project" --format "$format" -o "$out/$format.jsonl" 2>/dev/null
    done
    rw export "$project" --format label-table --table-format csv --raw-cells -o "$out/label-table.csv" 2>/dev/null
    rw export "$project" --format label-table --table-format parquet -o "$out/label-table.parquet" 2>/dev/null
    rw export "$project" --format hf -o "$out/hf" --license cc-by-4.0 2>/dev/null
    rw report final-labels "$project" -o "$out/final-labels.jsonl" 2>/dev/null
    rw report final-labels "$project" --csv --raw-cells -o "$out/final-labels.csv" 2>/dev/null
    rw report agreement "$project" --json > "$out/report-agreement.json"
    rw report agreement "$project" --csv --raw-cells > "$out/report-agreement.csv"
    rw report calibration "$project" --json > "$out/report-calibration.json"
    rw report calibration "$project" --csv --raw-cells > "$out/report-calibration.csv"
    rw stats "$project" --json > "$out/stats.json"
    rw report judges "$project" --json --bootstrap 100 > "$out/report-judges.json"
done

"$venv/bin/python" .ci/consumers/check_exports.py "$work/out/demo" "$work/out/xstest" docs/schemas

# The other way: TRL pairs written as Parquet by datasets (as the hub stores them) import as they are.
"$venv/bin/python" -c "
import datasets, sys
datasets.disable_progress_bars()
datasets.load_dataset('json', data_files=sys.argv[1], split='train').to_parquet(sys.argv[2])" \
    "$work/out/demo/trl-dpo.jsonl" "$work/out/demo/trl-dpo.parquet"
rw init "$work/projects/from-parquet.db" >/dev/null
# A response in several pairs is one response: the import says so, once per repeat, and adds it once.
rw import "$work/projects/from-parquet.db" "$work/out/demo/trl-dpo.parquet" --keep-unknown > "$work/out/from-parquet.txt"
head -1 "$work/out/from-parquet.txt"
