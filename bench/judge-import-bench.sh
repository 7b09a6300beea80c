#!/usr/bin/env bash
# Importing a judge's labels against importing the same responses' annotator labels: RESPONSES generated responses
# (bench/generate_labels.py, one annotator), imported bare into two projects; then, alternating, the labelled file
# into the one (labels only: the responses are there) and a judge file of the same verdicts into the other.
#   bench/judge-import-bench.sh [RESPONSES]     (default 1,000,000; needs python3 and /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
responses=${1:-1000000}
out=bench/out
mkdir -p "$out"
mvn -B -q -DskipTests package
rw=(java -Xmx1g -jar target/refusal-workbench.jar)

labelled="$out/labelled-$responses-1.jsonl"
bare="$out/bare-$responses.jsonl"
judged="$out/judge-$responses.jsonl"
[ -f "$labelled" ] || python3 bench/generate_labels.py "$responses" 1 "$labelled" "$bare"
if [ ! -f "$judged" ]; then
    python3 - "$labelled" "$judged" <<'PY'
import json, sys
with open(sys.argv[1]) as rows, open(sys.argv[2], "w") as out:
    for line in rows:
        row = json.loads(line)
        label = next(iter(row["labels"].values()))["selections"]
        verdict = {"judge": "bench-judge", "judge_version": "1", "prompt": row["prompt"], "model": row["model"],
                   "response": row["response"], "raw": label["response_type"][0],
                   "selections": {"response_type": label["response_type"]}}
        for key in ("prompt_id", "sample"):
            if key in row:
                verdict[key] = row[key]
        out.write(json.dumps(verdict, ensure_ascii=False) + "\n")
PY
fi

measure() {
    local label=$1; shift
    sync
    /usr/bin/time -f "$label: %e s wall, %U s user, %S s sys, peak RSS %M KB" "$@" >/dev/null
}

for run in 1 2; do
    for project in annotators judge; do
        rm -f "$out/$project.db"*
        "${rw[@]}" init "$out/$project.db" >/dev/null
        "${rw[@]}" import "$out/$project.db" "$bare" >/dev/null
    done
    measure "run $run: import of $responses annotator labels" "${rw[@]}" import "$out/annotators.db" "$labelled"
    measure "run $run: judge --from of $responses judge labels" "${rw[@]}" judge "$out/judge.db" --from "$judged"
done
