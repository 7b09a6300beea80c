#!/usr/bin/env bash
# The judge report at scale: RESPONSES responses with five annotators' labels each (bench/make-big-project.sh),
# two keyword judges run over all of them, then `report judges` without bootstrap against `report calibration`
# (the yardstick: the same read of every label, the same final labels) on the same project.
#   bench/judges-bench.sh [RESPONSES]     (default 1,000,000; needs sqlite3 and /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
responses=${1:-1000000}
file=bench/out/big-$responses.db
mvn -B -q -DskipTests package
[ -f "$file" ] || bench/make-big-project.sh "$responses" "$file"

measure() {
    local label=$1; shift
    sync
    /usr/bin/time -f "$label: %e s wall, %U s user, %S s sys, peak RSS %M KB" "$@" >/dev/null
}

rw=(java -jar target/refusal-workbench.jar)
measure "judge --method xstest-strmatch" "${rw[@]}" judge "$file" --method xstest-strmatch
measure "judge --method gcg-keywords" "${rw[@]}" judge "$file" --method gcg-keywords
for run in 1 2; do
    measure "run $run: report judges --bootstrap 0 (two judges)" "${rw[@]}" report judges "$file" --json \
        --bootstrap 0
    measure "run $run: yardstick report calibration" "${rw[@]}" report calibration "$file" --json
done
