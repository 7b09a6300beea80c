#!/usr/bin/env bash
# What a labeller feels, frame-timed, under Xvfb with software rendering at 1366x768:
#   bench/frame-bench.sh [STEPS]      (default 200 steps of each kind)
# on the five XSTest completion files (450 prompts x 5 models) and on the 1,000,000-response project:
# 1. PgDn to the frame showing the next prompt (goal p95 <= 100 ms), an option hotkey to the frame with the
#    option ticked (goal p95 <= 50 ms), and as the yardstick a key that moves one invisible pixel
#    (FrameTimingBenchmark: keys through X with JavaFX's Robot, frames from the renderer's own callback);
# 2. the installed app's desktop launcher from its start to the first prompt on screen (goal <= 2 s).
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-200}
big=bench/out/big-1000000.db
[ -f "$big" ] || bench/make-big-project.sh 1000000 "$big"
mvn -B -q -DskipTests package
mvn -B -q test-compile
jar=target/refusal-workbench.jar
xstest=bench/out/xstest-frames.db
rm -rf "$xstest" "$xstest"-* "$xstest".*
java -jar "$jar" init "$xstest" >/dev/null
java -jar "$jar" import "$xstest" src/test/resources/data/xstest/xstest_v2_completions_*.csv | tail -1

display=:92
if [ ! -S /tmp/.X11-unix/X92 ]; then
    Xvfb $display -screen 0 1366x768x24 >/dev/null 2>&1 &
    sleep 2
fi
frames() {
    DISPLAY=$display timeout 900 java -Dprism.order=sw -Xmx300m -Drefusalworkbench.backups=0 \
        -cp "$jar:target/test-classes" org.refusalworkbench.bench.FrameTimingBenchmark "$1" frame-bench "$steps" \
        2>/dev/null | grep -E "ms|MB"
}
echo "== XSTest, five columns: key to frame"
frames "$xstest"
echo "== 1,000,000 responses: key to frame"
frames "$big"

echo "== start to first prompt on screen (desktop launcher)"
bash installers/build.sh linux-image >/dev/null
launcher=target/installer/image/refusal-workbench/bin/refusal-workbench-desktop
data=$(mktemp -d)
timing="-Xmx300m -Drefusalworkbench.backups=0 -Drefusalworkbench.exitAfterFirstPrompt=true -Djava.util.prefs.userRoot=$data"
for project in "$xstest" "$big"; do
    for run in 1 2 3; do
        printf '%s, run %d: ' "$(basename "$project")" "$run"
        DISPLAY=$display JAVA_TOOL_OPTIONS="$timing" REFUSAL_WORKBENCH_DATA="$data" timeout 60 \
            "$launcher" --annotator=frame-bench "$project" 2>/dev/null | grep "first prompt on screen"
    done
done
rm -rf "$data"
