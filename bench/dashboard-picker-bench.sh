#!/usr/bin/env bash
# The agreement dashboard's confusion-matrix picker on a generated project, in a real window under Xvfb.
#   bench/dashboard-picker-bench.sh [RESPONSES] [PICKS]      (default 1,000,000 and 50)
# Prints: the report's compute time (off the UI thread), what one pick cost when the engine ran again for the
# pair (the old way), an idle frame, and the time from a pick to the frame showing the new matrix.
set -euo pipefail
cd "$(dirname "$0")/.."
responses=${1:-1000000}
picks=${2:-50}
project=bench/out/big-$responses.db
[ -f "$project" ] || bench/make-big-project.sh "$responses" "$project"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
display=:92
if [ ! -S /tmp/.X11-unix/X92 ]; then
    Xvfb $display -screen 0 1600x1000x24 >/dev/null 2>&1 &
    sleep 2
fi
DISPLAY=$display java -Xmx3g -cp "$cp" org.refusalworkbench.bench.DashboardPickerBenchmark "$project" "$picks"
